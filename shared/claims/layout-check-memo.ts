/**
 * What the layout rules found for each claim and each pair of neighbouring claims, kept between two checks of a
 * layout that is being edited. A layout edit makes new objects only for the claims it changes (layout-edits.ts;
 * undo and redo give back the old objects), so a result is reused while its claim object (or both objects of a
 * pair) and the rule's context are the same, and only the changed claims and their neighbours are checked again.
 *
 * It is a cache of the rules, never a second check: validateLayout, the state-land shapes, the PLSS lines and the
 * monuments run the same per-claim and per-pair functions with or without a memo, and without one they start from
 * an empty memo. The neighbours come from an R-tree over the claims' bounds that is updated by the claims that
 * came and went, so a move of one claim among thousands asks the tree once.
 */
import RBush from 'rbush';
import type { LayoutClaim } from '../layout/layout.types';
import { candidatePairs, type Box } from './polygon-ops';

interface Item extends Box {
  claim: LayoutClaim;
}

interface RuleResults {
  context: readonly unknown[];
  byClaim: WeakMap<LayoutClaim, unknown>;
  byPair: WeakMap<LayoutClaim, WeakMap<LayoutClaim, unknown>>;
}

const sameContext = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

export class LayoutCheckMemo {
  /**
   * A check from nothing (no memo given) keeps nothing: it runs every rule and finds the pairs with one bulk-loaded
   * tree, the same functions and the same order as a kept memo, without the cost of remembering.
   */
  static once(): LayoutCheckMemo {
    return new LayoutCheckMemo(false);
  }

  constructor(private readonly keep = true) {}

  private readonly rules = new Map<string, RuleResults>();
  private readonly values = new Map<string, { context: readonly unknown[]; value: unknown }>();
  private tree = new RBush<Item>();
  private items = new Map<LayoutClaim, Item>();
  private neighbourSets = new Map<LayoutClaim, Set<LayoutClaim>>();
  private treePad: number | null = null;

  private resultsOf(rule: string, context: readonly unknown[]): RuleResults {
    const known = this.rules.get(rule);
    if (known && sameContext(known.context, context)) return known;
    const fresh: RuleResults = { context, byClaim: new WeakMap(), byPair: new WeakMap() };
    this.rules.set(rule, fresh);
    return fresh;
  }

  /** `compute(claim)` for this rule, reused while the claim object and the rule's context are unchanged. */
  claim<T>(rule: string, context: readonly unknown[], claim: LayoutClaim, compute: (claim: LayoutClaim) => T): T {
    if (!this.keep) return compute(claim);
    const { byClaim } = this.resultsOf(rule, context);
    if (byClaim.has(claim)) return byClaim.get(claim) as T;
    const value = compute(claim);
    byClaim.set(claim, value);
    return value;
  }

  /** `compute(a, b)` for the pair in this order (a comes first in the layout), reused while both objects are unchanged. */
  pair<T>(rule: string, context: readonly unknown[], a: LayoutClaim, b: LayoutClaim, compute: () => T): T {
    if (!this.keep) return compute();
    const { byPair } = this.resultsOf(rule, context);
    let row = byPair.get(a);
    if (!row) {
      row = new WeakMap();
      byPair.set(a, row);
    }
    if (row.has(b)) return row.get(b) as T;
    const value = compute();
    row.set(b, value);
    return value;
  }

  /** A value derived from the context alone (an R-tree over the order's polygons), made once per context. */
  value<T>(name: string, context: readonly unknown[], compute: () => T): T {
    const known = this.values.get(name);
    if (known && sameContext(known.context, context)) return known.value as T;
    const value = compute();
    if (!this.keep) return value;
    this.values.set(name, { context, value });
    return value;
  }

  /**
   * Every pair [i, j], i < j, of claims whose boxes intersect once each is grown by `pad`, sorted by i then j (the
   * order the findings are listed in). `boxOf` answers null for a claim that takes no part (an invalid ring); it
   * must give the same answer for the same claim object.
   */
  neighbourPairs(claims: readonly LayoutClaim[], boxOf: (claim: LayoutClaim, index: number) => Box | null, pad: number): [number, number][] {
    if (!this.keep) return candidatePairs(claims.map(boxOf), pad);
    const index = new Map<LayoutClaim, number>();
    claims.forEach((claim, i) => index.set(claim, i));
    // A claim object listed twice cannot be told apart by identity: the pairs are found afresh.
    if (index.size !== claims.length) return candidatePairs(claims.map(boxOf), pad);
    this.update(claims, boxOf, pad);
    const pairs: [number, number][] = [];
    claims.forEach((claim, i) => {
      const around = this.neighbourSets.get(claim);
      if (!around || around.size === 0) return;
      const later: number[] = [];
      for (const other of around) {
        const j = index.get(other)!;
        if (j > i) later.push(j);
      }
      later.sort((a, b) => a - b);
      for (const j of later) pairs.push([i, j]);
    });
    return pairs;
  }

  /** Brings the tree and the neighbour sets to `claims`: removes the claims gone, inserts the new ones. */
  private update(claims: readonly LayoutClaim[], boxOf: (claim: LayoutClaim, index: number) => Box | null, pad: number): void {
    if (this.treePad !== pad) this.reset(pad);
    const next = new Map<LayoutClaim, Item>();
    const added: Item[] = [];
    claims.forEach((claim, i) => {
      const known = this.items.get(claim);
      if (known) {
        next.set(claim, known);
        return;
      }
      const box = boxOf(claim, i);
      if (!box) return;
      const item = { minX: box.minX - pad, minY: box.minY - pad, maxX: box.maxX + pad, maxY: box.maxY + pad, claim };
      next.set(claim, item);
      added.push(item);
    });
    const removed = [...this.items.values()].filter((item) => next.get(item.claim) !== item);
    this.items = next;
    // Most of the layout new (a grid generated, a first check): one bulk load is faster than inserting one by one.
    if (added.length + removed.length > next.size / 2) {
      this.tree.clear();
      this.tree.load([...next.values()]);
      this.neighbourSets = new Map();
      for (const item of next.values()) this.neighbourSets.set(item.claim, this.search(item));
      return;
    }
    for (const item of removed) {
      this.tree.remove(item);
      for (const other of this.neighbourSets.get(item.claim) ?? []) this.neighbourSets.get(other)?.delete(item.claim);
      this.neighbourSets.delete(item.claim);
    }
    for (const item of added) this.tree.insert(item);
    for (const item of added) {
      const around = this.search(item);
      this.neighbourSets.set(item.claim, around);
      for (const other of around) this.neighbourSets.get(other)?.add(item.claim);
    }
  }

  private search(item: Item): Set<LayoutClaim> {
    const around = new Set<LayoutClaim>();
    for (const hit of this.tree.search(item)) if (hit !== item) around.add(hit.claim);
    return around;
  }

  private reset(pad: number): void {
    this.treePad = pad;
    this.tree = new RBush<Item>();
    this.items = new Map();
    this.neighbourSets = new Map();
  }
}

/** `compute(claim)` through the memo when the caller keeps one, else directly: the same rule either way. */
export function perClaim<T>(memo: LayoutCheckMemo | undefined, rule: string, context: readonly unknown[], claim: LayoutClaim, compute: (claim: LayoutClaim) => T): T {
  return memo ? memo.claim(rule, context, claim, compute) : compute(claim);
}
