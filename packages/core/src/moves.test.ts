import { describe, expect, it } from 'vitest';

import { OrderStatus } from './enums';
import { checkMove, checkRestore, type MoveSlot } from './moves';

const eleven: MoveSlot = {
  id: 2,
  endpointId: 1,
  tracerId: 1,
  weekday: 0,
  deliveryTime: '11:00:00',
};
const eight: MoveSlot = { id: 1, endpointId: 1, tracerId: 1, weekday: 0, deliveryTime: '08:00:00' };
const accepted = { status: OrderStatus.Accepted };

describe('checkMove', () => {
  it('[URS-PRD-005] allows an ordered or accepted order to move to an earlier slot of the same endpoint, weekday and tracer', () => {
    expect(checkMove({ order: { status: OrderStatus.Ordered }, from: eleven, to: eight })).toEqual({
      ok: true,
    });
    expect(checkMove({ order: accepted, from: eleven, to: eight })).toEqual({ ok: true });
  });

  it('[URS-PRD-005] allows a slot with the same delivery time', () => {
    const twin = { ...eleven, id: 3 };
    expect(checkMove({ order: accepted, from: eleven, to: twin })).toEqual({ ok: true });
  });

  it('[URS-PRD-005] treats a move to the ordered slot itself as a restore, allowed unless released', () => {
    expect(checkMove({ order: accepted, from: eleven, to: eleven })).toEqual({ ok: true });
    expect(
      checkMove({ order: { status: OrderStatus.Released }, from: eleven, to: eleven }),
    ).toEqual({ ok: false, reason: 'released' });
  });

  it('[URS-PRD-005][URS-REL-015] refuses a released order', () => {
    expect(checkMove({ order: { status: OrderStatus.Released }, from: eleven, to: eight })).toEqual(
      { ok: false, reason: 'released' },
    );
  });

  it("[URS-PRD-005] refuses another endpoint's slot", () => {
    expect(checkMove({ order: accepted, from: eleven, to: { ...eight, endpointId: 2 } })).toEqual({
      ok: false,
      reason: 'other-endpoint',
    });
  });

  it('[URS-PRD-005] refuses a slot on another weekday', () => {
    expect(checkMove({ order: accepted, from: eleven, to: { ...eight, weekday: 1 } })).toEqual({
      ok: false,
      reason: 'other-weekday',
    });
  });

  it('[URS-PRD-005] refuses a slot of another tracer (the legacy server did not check this)', () => {
    expect(checkMove({ order: accepted, from: eleven, to: { ...eight, tracerId: 2 } })).toEqual({
      ok: false,
      reason: 'other-tracer',
    });
  });

  it('[URS-PRD-005] refuses a later slot, to the second', () => {
    expect(checkMove({ order: accepted, from: eight, to: eleven })).toEqual({
      ok: false,
      reason: 'later-slot',
    });
    expect(
      checkMove({
        order: accepted,
        from: eight,
        to: { ...eight, id: 9, deliveryTime: '08:00:01' },
      }),
    ).toEqual({ ok: false, reason: 'later-slot' });
  });
});

describe('checkRestore', () => {
  it('[URS-PRD-005] allows restoring an ordered or accepted order', () => {
    expect(checkRestore({ status: OrderStatus.Ordered })).toEqual({ ok: true });
    expect(checkRestore(accepted)).toEqual({ ok: true });
  });

  it('[URS-PRD-005][URS-REL-015] refuses restoring a released order (the legacy restore had no status check)', () => {
    expect(checkRestore({ status: OrderStatus.Released })).toEqual({
      ok: false,
      reason: 'released',
    });
  });
});
