/**
 * The notices a shop user closed ("Luk"), remembered in this browser's localStorage: one key
 * per user, notice and version of the notice, so another user still sees it and an edited
 * notice (another text or last day) shows again. A notice has no time of its last change, so
 * its version is a fingerprint of what the user read.
 */

const PREFIX = 'tracershop.shop.dismissedNotice';

/** What a dismissal is about: the notice and the words the user closed. */
export interface DismissibleNotice {
  id: number;
  message: string;
  expiresOn: string | null;
}

/** A short fingerprint of a notice's text and last day (FNV-1a, 32 bits, base 36). */
export function noticeVersionOf(notice: DismissibleNotice): string {
  const text = `${notice.expiresOn ?? ''}\n${notice.message}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The prefix of every key of `userId`'s dismissals. */
function userPrefix(userId: number): string {
  return `${PREFIX}.${userId}.`;
}

/** The key that remembers that `userId` closed this version of `notice`. */
export function dismissalKey(userId: number, notice: DismissibleNotice): string {
  return `${userPrefix(userId)}${notice.id}.${noticeVersionOf(notice)}`;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Whether `userId` closed this version of `notice` in this browser. */
export function isNoticeDismissed(userId: number, notice: DismissibleNotice): boolean {
  try {
    return (storage()?.getItem(dismissalKey(userId, notice)) ?? null) !== null;
  } catch {
    return false;
  }
}

/** Remembers that `userId` closed this version of `notice`. */
export function dismissNotice(userId: number, notice: DismissibleNotice): void {
  try {
    storage()?.setItem(dismissalKey(userId, notice), '1');
  } catch {
    // Storage may be refused (private browsing); the notice is then closed for this visit only.
  }
}

/**
 * Forgets `userId`'s dismissals of notices that are no longer listed or have changed since,
 * so the browser keeps only what still matters.
 */
export function forgetStaleDismissals(userId: number, notices: readonly DismissibleNotice[]): void {
  const store = storage();
  if (store === null) {
    return;
  }
  try {
    const wanted = new Set(notices.map((notice) => dismissalKey(userId, notice)));
    const prefix = userPrefix(userId);
    const stale: string[] = [];
    for (let index = 0; index < store.length; index += 1) {
      const key = store.key(index);
      if (key !== null && key.startsWith(prefix) && !wanted.has(key)) {
        stale.push(key);
      }
    }
    for (const key of stale) {
      store.removeItem(key);
    }
  } catch {
    // Nothing is lost: stale keys stay until the next time.
  }
}
