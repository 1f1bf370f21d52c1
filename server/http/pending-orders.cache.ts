/**
 * The serialised pending-orders body for the current data version. Documents are stored as JSON text,
 * so the body is assembled by concatenation, never parsed and re-stringified: 10,000 orders stay cheap.
 */
import type { DataVersion } from '../store/meta.repo';
import type { ReferenceStore } from '../store/reference-store';

export interface PendingOrdersBody {
  etag: string;
  body: Buffer;
}

export function etagFor(version: DataVersion): string {
  return `"${version.epoch}-${version.version}"`;
}

/** RFC 9110: If-None-Match uses weak comparison, may list several tags, and `*` matches anything. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

export class PendingOrdersCache {
  private current: PendingOrdersBody | undefined;
  private building: Promise<PendingOrdersBody> | undefined;

  /** `shape` turns each stored document into the text listed (the server profile's view of an order). */
  constructor(
    private readonly store: ReferenceStore,
    private readonly shape: (docText: string) => string = (docText) => docText,
  ) {}

  async currentEtag(): Promise<string> {
    return etagFor(await this.store.dataVersion());
  }

  /** The body for the latest version; concurrent callers share one rebuild. */
  async get(): Promise<PendingOrdersBody> {
    const etag = await this.currentEtag();
    if (this.current?.etag === etag) return this.current;
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async build(): Promise<PendingOrdersBody> {
    const { version, docs } = await this.store.pendingSnapshot();
    const text = `{"orders":[${docs.map(this.shape).join(',')}],"count":${docs.length}}`;
    const built = { etag: etagFor(version), body: Buffer.from(text, 'utf8') };
    this.current = built;
    return built;
  }
}
