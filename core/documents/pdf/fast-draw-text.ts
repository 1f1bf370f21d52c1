/**
 * page.drawText for the calls ClaimDesk makes (a font, a position, a size, maybe a colour, a rotation or a line
 * height), printed straight to the content stream's text. pdf-lib builds some twenty objects per line of text (an
 * operator per step, a PDFNumber per number), checks fourteen options and prints them all again; a package draws
 * tens of thousands of strings. The text printed here is, byte for byte, what pdf-lib's own drawText prints for
 * the same call (fast-draw-text.test.ts draws the same calls both ways): the same steps in the same order, numbers
 * printed by pdf-lib's own numberToString, the colour by its own operator, the lines split and cleaned by its own
 * functions. Any other option (maxWidth, opacity, blend mode, skew) goes to pdf-lib's drawText unchanged.
 */
import { createRequire } from 'node:module';
import { PDFFont, degrees, setFillingColor, toRadians, type Color, type PDFName, type PDFPage } from 'pdf-lib';
import { PrintedOperators } from './printed-operators';

type DrawTextOptions = NonNullable<Parameters<PDFPage['drawText']>[1]>;

/** pdf-lib's utils module as pdf-lib itself reads it at each call (so a patched numberToString is used here too). */
const pdfUtils = createRequire(createRequire(__filename).resolve('pdf-lib'))('./utils') as {
  numberToString: (num: number) => string;
  cleanText: (text: string) => string;
  lineSplit: (text: string) => string[];
};

/** The options printed here, and the type each must have; a value of another type goes to pdf-lib, which refuses it. */
const PLAIN_OPTIONS: Record<string, 'number' | 'object'> = { x: 'number', y: 'number', size: 'number', lineHeight: 'number', font: 'object', color: 'object', rotate: 'object' };

function isPlain(options: DrawTextOptions): boolean {
  for (const key in options) {
    const value = options[key as keyof DrawTextOptions];
    if (value === undefined) continue;
    const type = PLAIN_OPTIONS[key];
    if (type === undefined || typeof value !== type || value === null) return false;
  }
  return options.font instanceof PDFFont;
}

/** A colour's fill operator as pdf-lib prints it, kept per colour object (our colours are constants). */
const fillTexts = new WeakMap<Color, string>();
function fillText(color: Color): string {
  let text = fillTexts.get(color);
  if (text === undefined) {
    text = String(setFillingColor(color));
    fillTexts.set(color, text);
  }
  return text;
}

/** What a page carries that drawText falls back on (pdf-lib keeps it in fields TypeScript calls private). */
interface PageState {
  fontSize: number;
  fontColor: Color;
  lineHeight: number;
  x: number;
  y: number;
  font?: PDFFont;
  fontKey?: PDFName;
  resetFont(): void;
  getContentStream(): { push(...operators: unknown[]): void };
}

/**
 * The font is set and the page's own restored around the text through the page's setFont, as pdf-lib's drawText
 * does, so the page's font resources come out the same (withFontNamesReused makes that cheap).
 */
export function withFastDrawText(page: PDFPage): PDFPage {
  const drawText = page.drawText.bind(page);
  const state = page as unknown as PageState;
  page.drawText = (text: string, options: DrawTextOptions = {}): void => {
    if (typeof text !== 'string' || !isPlain(options)) {
      drawText(text, options);
      return;
    }
    const n = pdfUtils.numberToString;
    const font = options.font!;
    const oldFont = state.font;
    page.setFont(font);
    const key = String(state.fontKey);
    const size = options.size || state.fontSize;
    const angle = toRadians(options.rotate ?? degrees(0));
    // pdf-lib's rotateAndSkewTextRadiansAndTranslate with no skew: tan(0) added as it adds it (turns -0 into 0).
    const matrix = [Math.cos(angle), Math.sin(angle) + Math.tan(0), -Math.sin(angle) + Math.tan(0), Math.cos(angle), options.x ?? state.x, options.y ?? state.y];
    let printed = `q\nBT\n${fillText(options.color ?? state.fontColor)}\n${key} ${n(size)} Tf\n${n(options.lineHeight ?? state.lineHeight)} TL\n${matrix.map(n).join(' ')} Tm`;
    for (const line of pdfUtils.lineSplit(pdfUtils.cleanText(text))) printed += `\n${String(font.encodeText(line))} Tj\nT*`;
    printed += '\nET\nQ';
    state.getContentStream().push(new PrintedOperators(printed));
    if (oldFont) page.setFont(oldFont);
    else state.resetFont();
  };
  return page;
}
