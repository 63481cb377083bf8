/**
 * The guides' pictures as the guides name them: the app's build finds every file of
 * docs/images (`import.meta.glob(…, { query: '?url' })`, keyed by the path it was found at)
 * and this keys each URL by `images/<file>`, as written in the Markdown.
 */
export function guideImagesOf(
  found: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(found).map(([file, url]) => [`images/${file.split('/').at(-1) ?? file}`, url]),
  );
}
