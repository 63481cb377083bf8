import { describe, expect, it } from 'vitest';
import { changeNeedsReason } from './changeReasons';
import { OrderStatus } from './enums';

describe('changeNeedsReason', () => {
  it('[URS-PRD-006] lets production change an order it has not accepted without a reason', () => {
    expect(changeNeedsReason({ change: 'order', statuses: [OrderStatus.Ordered] })).toBe(false);
    expect(changeNeedsReason({ change: 'order', statuses: [OrderStatus.Rejected] })).toBe(false);
    expect(changeNeedsReason({ change: 'order', statuses: [] })).toBe(false);
  });

  it('[URS-PRD-006] asks for a reason once an order is accepted (or released)', () => {
    expect(changeNeedsReason({ change: 'order', statuses: [OrderStatus.Accepted] })).toBe(true);
    expect(changeNeedsReason({ change: 'order', statuses: [OrderStatus.Released] })).toBe(true);
  });

  it('[URS-PRD-006] asks for a reason when one order of a move is accepted', () => {
    expect(
      changeNeedsReason({
        change: 'order',
        statuses: [OrderStatus.Ordered, OrderStatus.Accepted, OrderStatus.Ordered],
      }),
    ).toBe(true);
  });

  it('[URS-PRD-006] always asks for a reason for a correction and a vial edit', () => {
    expect(changeNeedsReason({ change: 'correction' })).toBe(true);
    expect(changeNeedsReason({ change: 'vial' })).toBe(true);
  });

  it('[URS-PRD-006] asks for a reason to delete an accepted or released order, not an ordered or rejected one', () => {
    expect(changeNeedsReason({ change: 'delete', statuses: [OrderStatus.Ordered] })).toBe(false);
    expect(changeNeedsReason({ change: 'delete', statuses: [OrderStatus.Rejected] })).toBe(false);
    expect(changeNeedsReason({ change: 'delete', statuses: [] })).toBe(false);
    expect(changeNeedsReason({ change: 'delete', statuses: [OrderStatus.Accepted] })).toBe(true);
    expect(changeNeedsReason({ change: 'delete', statuses: [OrderStatus.Released] })).toBe(true);
    expect(
      changeNeedsReason({
        change: 'delete',
        statuses: [OrderStatus.Rejected, OrderStatus.Released],
      }),
    ).toBe(true);
  });
});
