/**
 * Small page probes for the documents and export tests: a queue row by order number, a canvas's ink, and a
 * recorder for text that may only be on screen for a moment (progress labels). The Node typecheck has no DOM
 * lib, so the few browser globals used in the page are typed here.
 */
import type { Locator, Page } from 'playwright-core';

export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

interface ElementLike {
  textContent: string | null;
}

interface RecorderGlobals {
  document: { body: unknown; querySelectorAll(selector: string): Iterable<ElementLike> };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: Record<string, boolean>): void; disconnect(): void };
  __recorded?: { texts: string[]; stop: () => void };
}

export function rowByOrder(page: Page, orderNumber: string): Locator {
  return page.locator(`[data-testid="order-row"][data-order-number="${orderNumber}"]`);
}

/** Share of the canvas's pixels that are not (near) white: a drawn page has text and lines on it. */
export async function canvasInkShare(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const ctx = (element as unknown as CanvasLike).getContext('2d');
    const { width, height } = element as unknown as CanvasLike;
    if (!ctx || width === 0 || height === 0) return 0;
    const { data } = ctx.getImageData(0, 0, width, height);
    let ink = 0;
    let samples = 0;
    for (let i = 0; i < data.length; i += 4 * 5) {
      samples += 1;
      if (data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200)) ink += 1;
    }
    return samples === 0 ? 0 : ink / samples;
  });
}

/** Starts collecting every distinct text of the elements matching `selector`, on each DOM change. */
export async function recordTexts(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const g = globalThis as unknown as RecorderGlobals;
    const texts: string[] = [];
    const collect = () => {
      for (const element of g.document.querySelectorAll(sel)) {
        const text = (element.textContent ?? '').trim();
        if (text && texts[texts.length - 1] !== text) texts.push(text);
      }
    };
    const observer = new g.MutationObserver(collect);
    observer.observe(g.document.body, { childList: true, subtree: true, characterData: true });
    g.__recorded = { texts, stop: () => observer.disconnect() };
  }, selector);
}

/** Stops the recorder and returns what it saw, in order. */
export async function stopRecording(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as RecorderGlobals;
    const recorded = g.__recorded;
    if (!recorded) return [];
    recorded.stop();
    delete g.__recorded;
    return recorded.texts;
  });
}
