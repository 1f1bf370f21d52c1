/**
 * What the CLI writes to a terminal or a pipe. Server strings (order numbers, names, messages) are data from
 * someone else: printed raw, `ESC]0;…BEL` retitles the terminal and `ESC[2J` clears it. So every human line the
 * CLI writes loses its C0 and C1 control characters (tab and newline kept: the CLI's own layout), whole escape
 * sequences first so no half of one is left as noise. JSON output is safe by construction for C0 (JSON.stringify
 * escapes it), and C1 characters, which JSON may carry raw, are escaped too (they can only occur inside strings,
 * so `\u009b` means exactly the same to `jq`).
 */

/** CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and any other two-byte ESC sequence. */
// eslint-disable-next-line no-control-regex -- matching control characters is this file's purpose
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g;
/** C0 except tab and newline, DEL, and C1 (U+0080–U+009F, where U+009B is a one-character CSI). */
// eslint-disable-next-line no-control-regex -- matching control characters is this file's purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

export function jsonText(text: string): string {
  return text.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
