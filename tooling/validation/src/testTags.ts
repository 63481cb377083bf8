/**
 * The requirement tags of a test: `[URS-REL-003]` in its title (docs/validation/README.md,
 * "Tagging a test"). A test may carry several (`[URS-REL-001][URS-REL-002] releases …`); a tag
 * in a `describe` title applies to every test inside it, and in the browser suite a tag in a
 * `test.step` title applies to that step.
 */
import { REQUIREMENT_ID } from './requirements';

/** Anything written like a tag, well formed or not: `[URS-…]`. */
const TAG_LIKE = /\[(URS[^\]\s]*)\]/g;

/** The well-formed requirement ids tagged in `title`, in order, each once. */
export function tagsIn(title: string): string[] {
  const ids: string[] = [];
  for (const match of title.matchAll(TAG_LIKE)) {
    const id = match[1] ?? '';
    if (REQUIREMENT_ID.test(id) && !ids.includes(id)) {
      ids.push(id);
    }
  }
  return ids;
}

export interface TagOccurrence {
  /** What is inside the brackets: a requirement id, or a malformed one. */
  text: string;
  /** 1-based line. */
  line: number;
}

/** Every `[URS…]` written in `source`, with its line, malformed ones included. */
export function tagOccurrences(source: string): TagOccurrence[] {
  const found: TagOccurrence[] = [];
  source.split(/\r?\n/).forEach((lineText, index) => {
    for (const match of lineText.matchAll(TAG_LIKE)) {
      found.push({ text: match[1] ?? '', line: index + 1 });
    }
  });
  return found;
}

export function isRequirementId(text: string): boolean {
  return REQUIREMENT_ID.test(text);
}
