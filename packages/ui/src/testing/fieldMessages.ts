/** The words an invalid field shows: the text of what `aria-describedby` names. */
export function describedText(field: Element): string | null {
  const ids = field.getAttribute('aria-describedby');
  if (ids === null) {
    return null;
  }
  return ids
    .split(/\s+/)
    .map((id) => field.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ');
}
