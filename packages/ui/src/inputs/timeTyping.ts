/**
 * Typing a time: a colon is inserted after the hours and the minutes while the user types
 * forwards ("123" → "12:3"); deleting never adds one, and "9:30" stays as typed. Reading
 * the result is core's `normalizeTime`.
 */
const BEFORE_COLON: readonly { position: number; head: RegExp }[] = [
  { position: 2, head: /^\d\d$/ },
  { position: 5, head: /^\d\d:\d\d$/ },
];

export function withAutoColons(previous: string, next: string): string {
  if (next.length <= previous.length) {
    return next;
  }
  let text = next;
  for (const { position, head } of BEFORE_COLON) {
    const character = text[position];
    if (character !== undefined && /\d/.test(character) && head.test(text.slice(0, position))) {
      text = `${text.slice(0, position)}:${text.slice(position)}`;
    }
  }
  return text;
}
