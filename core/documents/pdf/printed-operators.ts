import { PDFContentStream } from 'pdf-lib';

/**
 * pdf-lib keeps each drawing operator of a page as objects (the operator, a PDFNumber per number, the font's name,
 * the text's hex string: some twenty objects for one line of text) until the document is saved, and prints them
 * only then. A package's PDFs hold tens of thousands of them at once, so they outlive the young generation and
 * are promoted, and marking and moving them cost a batch export about a sixth of its CPU (on the workers' threads
 * and V8's helper threads) and a single-thread run some 70 MB of peak memory. Printing what each call pushes at
 * once, to the text pdf-lib prints at save time, keeps one flat string per drawing call instead, and the objects
 * die young. The bytes are the same (printed-operators.test.ts compares them): an operator's printed text is what
 * it copies into the stream, one byte per code unit, and pdf-lib writes a newline after each entry as it did
 * after each operator.
 */
export class PrintedOperators {
  constructor(private readonly text: string) {}
  toString(): string {
    return this.text;
  }
  sizeInBytes(): number {
    return this.text.length;
  }
  copyBytesInto(buffer: Uint8Array, offset: number): number {
    const { text } = this;
    for (let i = 0; i < text.length; i += 1) buffer[offset + i] = text.charCodeAt(i);
    return text.length;
  }
  /** The text is never changed, so a copied page (copyPages, embedPage) can share it. */
  clone(): PrintedOperators {
    return this;
  }
}

/** Installs the printing push on the pdf-lib instance this back-end resolves (once; pdf-lib-speedups.ts calls it). */
export function printPushedOperators(): void {
  (PDFContentStream.prototype as unknown as { push: (...operators: unknown[]) => void }).push = function push(
    this: { operators: unknown[] },
    ...operators: unknown[]
  ): void {
    if (operators.length === 0) return;
    this.operators.push(new PrintedOperators(operators.map(String).join('\n')));
  };
}
