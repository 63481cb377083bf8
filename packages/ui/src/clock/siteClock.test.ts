import { describe, expect, it } from 'vitest';
import { siteNow, siteToday } from './siteClock';

describe('the site clock in the browser', () => {
  it("reads now and today on the site's zone, whatever the PC's zone", () => {
    // 23:30 UTC on 24 January is 00:30 on the 25th in Copenhagen (UTC+1).
    const instant = Date.UTC(2024, 0, 24, 23, 30, 0);
    expect(siteNow('Europe/Copenhagen', instant)).toBe('2024-01-25 00:30:00');
    expect(siteToday('Europe/Copenhagen', instant)).toBe('2024-01-25');
    expect(siteToday('UTC', instant)).toBe('2024-01-24');
  });
});
