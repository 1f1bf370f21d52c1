/**
 * The rule tables mark what was not confirmed against an official copy of the statute with "[VERIFY …]", so a
 * maintainer can find every open question with one search. Staff read the same texts in the rules panels: for them
 * the mark becomes a plain caveat ("not confirmed: check …"), never the maintainers' bracketed tag.
 */
const VERIFY_MARK = /\s*\[VERIFY\b\s*([^\]]*)\]/g;

export function staffWording(text: string): string {
  return text.replace(VERIFY_MARK, (_mark, what: string) => {
    const todo = what.trim();
    if (todo === '') return ' (not confirmed against the statute)';
    return ` (not confirmed: check ${todo.replace(/^with\s+/i, 'with ')})`;
  });
}
