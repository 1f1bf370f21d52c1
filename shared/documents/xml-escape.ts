/**
 * Text for the XML field files (GPX, KML). Claim names, claimant names and project names are typed by customers
 * and staff, so they can hold anything: markup characters are escaped, and characters XML 1.0 cannot carry at all
 * (C0 controls other than tab/newline, lone surrogates, U+FFFE/U+FFFF) are dropped, because a single one makes the
 * whole file unreadable to a GPS unit or Google Earth, even as a character reference.
 */

// Everything outside XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters XML 1.0 cannot carry and makes line breaks plain "\n" (parsers fold CR anyway). */
export function xmlSafeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(ILLEGAL_XML_CHARS, '');
}

/** One line of text (names, labels): every run of whitespace, including line breaks and tabs, becomes one space. */
export function xmlSafeLine(value: string): string {
  return xmlSafeText(value).replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escaped for element content and for attribute values alike (all five predefined entities), after dropping
 * illegal characters. Attribute values should be single lines (xmlSafeLine): parsers turn newlines in attributes
 * into spaces.
 */
export function escapeXml(value: string): string {
  return xmlSafeText(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `<tag>escaped text</tag>`, or nothing for empty text so optional schema elements are simply left out. */
export function xmlElement(tag: string, text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const escaped = escapeXml(text);
  return escaped === '' ? '' : `<${tag}>${escaped}</${tag}>`;
}
