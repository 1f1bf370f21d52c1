/** Turning what readPackageFile sends (base64) into bytes and text, and file sizes for people. */

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The first `maxLines` lines of a UTF-8 text file (a BOM, as in the CSV, is dropped), and how many there are. */
export function textHead(bytes: Uint8Array, maxLines: number): { text: string; lines: number; shown: number } {
  const all = new TextDecoder('utf-8').decode(bytes).split(/\r?\n/);
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  const shown = Math.min(maxLines, all.length);
  return { text: all.slice(0, shown).join('\n'), lines: all.length, shown };
}

const sizeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

export function isPdf(mediaType: string): boolean {
  return mediaType === 'application/pdf';
}
