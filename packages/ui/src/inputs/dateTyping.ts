/**
 * Typing a date (docs/domain.md): a slash is inserted after the day and the month while the user
 * types forwards ("150" → "15/0", "15102" → "15/10/2"); deleting and pasting never add one.
 * Year-first typing still works: when the text shows the first slash was wrong — a dash after
 * "20/26" or a third slash after "20/26/11" — it is taken out again ("20/26-" → "2026-"), so
 * every format core's `normalizeDate` reads can be typed. Reading the result is core's.
 */
const BEFORE_SLASH: readonly { position: number; head: RegExp }[] = [
  { position: 2, head: /^\d\d$/ },
  { position: 5, head: /^\d\d\/\d\d$/ },
];

/** The first slash was auto-inserted into a year: "20/26-…" or "20/26/11/…". */
const YEAR_FIRST = /^(\d\d)\/(\d\d)(-|\/\d\d\/)/;

export function withAutoSlashes(previous: string, next: string): string {
  if (next.length !== previous.length + 1) {
    return next;
  }
  let text = next;
  for (const { position, head } of BEFORE_SLASH) {
    const character = text[position];
    if (character !== undefined && /\d/.test(character) && head.test(text.slice(0, position))) {
      text = `${text.slice(0, position)}/${text.slice(position)}`;
    }
  }
  return text.replace(YEAR_FIRST, '$1$2$3');
}
