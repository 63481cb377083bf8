import { UserGroup } from '@tracershop/core';
import { describe, expect, it } from 'vitest';
import { mayReleaseTracer, releaseBlockOf } from './releaseGate';

const right = { userId: 3, tracerId: 1, isotopeId: null, expiryDate: null };
const user = { id: 3, userGroup: UserGroup.ProductionUser };

describe('mayReleaseTracer', () => {
  it('[URS-REL-004] needs an unexpired right of the user for the tracer; site admins need none', () => {
    expect(mayReleaseTracer(user, [right], 1, '2026-12-02')).toBe(true);
    expect(mayReleaseTracer(user, [right], 2, '2026-12-02')).toBe(false);
    expect(mayReleaseTracer(user, [{ ...right, userId: 4 }], 1, '2026-12-02')).toBe(false);
    expect(mayReleaseTracer(user, [{ ...right, expiryDate: '2026-12-03' }], 1, '2026-12-02')).toBe(
      true,
    );
    expect(mayReleaseTracer(user, [{ ...right, expiryDate: '2026-12-02' }], 1, '2026-12-02')).toBe(
      false,
    );
    expect(mayReleaseTracer({ id: 1, userGroup: UserGroup.Admin }, [], 1, '2026-12-02')).toBe(true);
    expect(mayReleaseTracer(null, [right], 1, '2026-12-02')).toBe(false);
  });
});

describe('releaseBlockOf', () => {
  const ready = { accepted: true, selectedVials: 1, vialFormOpen: false, mayRelease: true };
  it('[URS-REL-004][URS-REL-006] allows the release only when everything is in place', () => {
    expect(releaseBlockOf(ready)).toBeNull();
    expect(releaseBlockOf({ ...ready, accepted: false })).toBe('notAccepted');
    expect(releaseBlockOf({ ...ready, mayRelease: false })).toBe('noRight');
    expect(releaseBlockOf({ ...ready, vialFormOpen: true })).toBe('vialFormOpen');
    expect(releaseBlockOf({ ...ready, selectedVials: 0 })).toBe('noVial');
  });
});
