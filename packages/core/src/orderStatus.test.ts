import { describe, expect, it } from 'vitest';

import { enumValues, OrderStatus } from './enums';
import type { OrderAction } from './orderStatus';
import {
  canAccept,
  canCorrect,
  canReject,
  canRelease,
  canUnreject,
  isOpen,
  isRejected,
  isReleased,
  mayProductionEdit,
  mayShopChange,
  nextStatus,
} from './orderStatus';

const { Ordered, Accepted, Released, Rejected } = OrderStatus;

/** Every action from every status (docs/domain.md): the status after it, null when refused. */
const TRANSITIONS: [OrderAction, OrderStatus, OrderStatus | null][] = [
  ['accept', Ordered, Accepted],
  ['accept', Accepted, Accepted],
  ['accept', Released, null],
  ['accept', Rejected, null],
  ['reject', Ordered, Rejected],
  ['reject', Accepted, Rejected],
  ['reject', Released, null],
  ['reject', Rejected, Rejected],
  ['unreject', Ordered, null],
  ['unreject', Accepted, null],
  ['unreject', Released, null],
  ['unreject', Rejected, Accepted],
  ['release', Ordered, null],
  ['release', Accepted, Released],
  ['release', Released, null],
  ['release', Rejected, null],
  ['correct', Ordered, null],
  ['correct', Accepted, null],
  ['correct', Released, Accepted],
  ['correct', Rejected, null],
];

describe('nextStatus', () => {
  it.each(TRANSITIONS)('%s from %i gives %s', (action, status, expected) => {
    expect(nextStatus(status, action)).toBe(expected);
  });

  it('covers every action from every status', () => {
    expect(TRANSITIONS).toHaveLength(5 * enumValues(OrderStatus).length);
  });

  it.each([
    [Ordered, Ordered],
    [Accepted, Accepted],
    [Released, null],
    [Rejected, null],
  ])('accepting a dead order in %i gives %s', (status, expected) => {
    expect(nextStatus(status, 'accept', { dead: true })).toBe(expected);
  });

  it.each(TRANSITIONS.filter(([action]) => action !== 'accept'))(
    'ignores dead for %s from %i',
    (action, status, expected) => {
      expect(nextStatus(status, action, { dead: true })).toBe(expected);
    },
  );
});

/** Every predicate and the statuses it holds for. */
const PREDICATES: [string, (s: OrderStatus | null) => boolean, OrderStatus[]][] = [
  ['canAccept', canAccept, [Ordered]],
  ['canReject', canReject, [Ordered, Accepted]],
  ['canUnreject', canUnreject, [Rejected]],
  ['canRelease', canRelease, [Accepted]],
  ['canCorrect', canCorrect, [Released]],
  ['isReleased', isReleased, [Released]],
  ['isRejected', isRejected, [Rejected]],
  ['isOpen', isOpen, [Ordered, Accepted]],
  ['mayShopChange', mayShopChange, [Ordered]],
  ['mayProductionEdit', mayProductionEdit, [Ordered, Accepted]],
];

const CASES = PREDICATES.flatMap(([name, predicate, holds]) =>
  enumValues(OrderStatus).map(
    (status) => [name, status, holds.includes(status), predicate] as const,
  ),
);

describe('order status predicates', () => {
  it.each(CASES)('%s(%i) is %s', (_name, status, expected, predicate) => {
    expect(predicate(status)).toBe(expected);
  });

  it.each(PREDICATES)('%s(null) is false: no order', (_name, predicate) => {
    expect(predicate(null)).toBe(false);
  });
});
