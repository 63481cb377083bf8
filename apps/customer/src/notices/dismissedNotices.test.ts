import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dismissalKey,
  dismissNotice,
  forgetStaleDismissals,
  isNoticeDismissed,
  noticeVersionOf,
} from './dismissedNotices';

const christmas = { id: 4, message: 'Lukket juleaften', expiresOn: '2026-12-24' };

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('dismissedNotices', () => {
  it('[URS-ORD-020] keys a dismissal by the user, the notice and its version', () => {
    const key = dismissalKey(7, christmas);
    expect(key).toBe(`tracershop.shop.dismissedNotice.7.4.${noticeVersionOf(christmas)}`);
    expect(noticeVersionOf(christmas)).toMatch(/^[0-9a-z]{1,7}$/);
    // The same words give the same version; another text or last day another one.
    expect(noticeVersionOf({ ...christmas })).toBe(noticeVersionOf(christmas));
    expect(noticeVersionOf({ ...christmas, message: 'Lukket juleaftensdag' })).not.toBe(
      noticeVersionOf(christmas),
    );
    expect(noticeVersionOf({ ...christmas, expiresOn: null })).not.toBe(noticeVersionOf(christmas));
  });

  it('[URS-ORD-020] remembers a dismissal for its user only, until the notice is edited', () => {
    expect(isNoticeDismissed(7, christmas)).toBe(false);
    dismissNotice(7, christmas);
    expect(isNoticeDismissed(7, christmas)).toBe(true);
    expect(isNoticeDismissed(8, christmas)).toBe(false);
    expect(isNoticeDismissed(7, { ...christmas, id: 5 })).toBe(false);
    expect(isNoticeDismissed(7, { ...christmas, message: 'Lukket juleaften og nytårsaften' })).toBe(
      false,
    );
  });

  it("forgets the user's dismissals of notices gone or changed, and nobody else's", () => {
    const kept = { id: 1, message: 'Ny kalibrering', expiresOn: null };
    const gone = { id: 2, message: 'Cyklotronen er til service', expiresOn: '2026-12-05' };
    dismissNotice(7, kept);
    dismissNotice(7, gone);
    dismissNotice(7, christmas);
    dismissNotice(8, gone);
    localStorage.setItem('tracershop.shop.customer', '3');
    forgetStaleDismissals(7, [kept, { ...christmas, message: 'Lukket juleaften og nytårsaften' }]);
    expect(isNoticeDismissed(7, kept)).toBe(true);
    expect(isNoticeDismissed(7, gone)).toBe(false);
    expect(isNoticeDismissed(7, christmas)).toBe(false);
    expect(isNoticeDismissed(8, gone)).toBe(true);
    expect(localStorage.getItem('tracershop.shop.customer')).toBe('3');
  });

  it('lives without storage: a refused localStorage remembers nothing and throws nothing', () => {
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    vi.spyOn(localStorage, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    expect(() => dismissNotice(7, christmas)).not.toThrow();
    expect(isNoticeDismissed(7, christmas)).toBe(false);
    expect(() => forgetStaleDismissals(7, [])).not.toThrow();
  });
});
