import { describe, expect, it } from 'vitest';

import { OrderStatus } from './enums';
import {
  punctualityOf,
  releaseDelaySeconds,
  summarizePunctuality,
  type PunctualityOrder,
} from './releasePunctuality';

const today = '2026-11-20';
const options = { today };

/** An order for 10 Nov 2026 at `deliveryTime`, released at `freedAt` (UTC instant). */
function released(
  deliveryTime: string,
  freedAt: string,
  deliveryDate = '2026-11-10',
): PunctualityOrder {
  return { status: OrderStatus.Released, deliveryDate, deliveryTime, freedAt };
}

describe('punctualityOf (Copenhagen in winter = UTC+1)', () => {
  it('[URS-PRD-013] counts an order for 12:30 released 12:00 as on time', () => {
    expect(punctualityOf(released('12:30:00', '2026-11-10T11:00:00Z'), options)).toBe('onTime');
  });

  it('[URS-PRD-013] counts a release exactly at the delivery time as on time', () => {
    expect(punctualityOf(released('12:30:00', '2026-11-10T11:30:00Z'), options)).toBe('onTime');
  });

  it('[URS-PRD-013] counts a release at 12:35 as late by at most 30 minutes', () => {
    expect(punctualityOf(released('12:30:00', '2026-11-10T11:35:00Z'), options)).toBe('late30');
  });

  it('[URS-PRD-013] counts exactly 30 minutes late as "late30" and one second more as "lateMore"', () => {
    expect(punctualityOf(released('12:30:00', '2026-11-10T12:00:00Z'), options)).toBe('late30');
    expect(punctualityOf(released('12:30:00', '2026-11-10T12:00:01Z'), options)).toBe('lateMore');
    expect(punctualityOf(released('12:30:00', '2026-11-10T15:00:00Z'), options)).toBe('lateMore');
  });

  it('[URS-PRD-013] counts an accepted order whose date has passed as not released', () => {
    const accepted = {
      status: OrderStatus.Accepted,
      deliveryDate: '2026-11-19',
      deliveryTime: '12:30:00',
      freedAt: null,
    };
    expect(punctualityOf(accepted, options)).toBe('notReleased');
    expect(punctualityOf({ ...accepted, deliveryDate: today }, options)).toBeNull();
    expect(punctualityOf({ ...accepted, deliveryDate: '2026-11-21' }, options)).toBeNull();
  });

  it('[URS-PRD-013] does not count ordered or rejected orders, nor a release without an instant', () => {
    const base = { deliveryDate: '2026-11-01', deliveryTime: '12:30:00', freedAt: null };
    expect(punctualityOf({ ...base, status: OrderStatus.Ordered }, options)).toBeNull();
    expect(punctualityOf({ ...base, status: OrderStatus.Rejected }, options)).toBeNull();
    expect(punctualityOf({ ...base, status: OrderStatus.Released }, options)).toBeNull();
  });

  it('[URS-PRD-013] measures across midnight: 23:50 released 00:15 the next day is 25 minutes late', () => {
    expect(punctualityOf(released('23:50:00', '2026-11-10T23:15:00Z'), options)).toBe('late30');
    expect(punctualityOf(released('23:50:00', '2026-11-10T23:30:00Z'), options)).toBe('lateMore');
    expect(punctualityOf(released('00:10:00', '2026-11-09T23:05:00Z'), options)).toBe('onTime');
  });

  it('[URS-PRD-013][URS-DAT-009] counts real elapsed time on the spring-forward day (02:00 → 03:00)', () => {
    // 03:10 CEST = 01:10Z; released 01:50 CET = 00:50Z: 20 minutes early, not 80 minutes.
    expect(punctualityOf(released('03:10:00', '2026-03-29T00:50:00Z', '2026-03-29'), options)).toBe(
      'onTime',
    );
    // 01:50 CET = 00:50Z; released 03:10 CEST = 01:10Z: 20 minutes late, not 80.
    expect(punctualityOf(released('01:50:00', '2026-03-29T01:10:00Z', '2026-03-29'), options)).toBe(
      'late30',
    );
  });

  it('[URS-PRD-013][URS-DAT-009] counts real elapsed time on the fall-back day (03:00 → 02:00)', () => {
    // 02:30 is read as the first (CEST) 02:30 = 00:30Z; released at the second 02:10 (CET,
    // 01:10Z): the wall clock says 20 minutes early, but 40 minutes have passed.
    expect(releaseDelaySeconds(released('02:30:00', '2026-10-25T01:10:00Z', '2026-10-25'))).toBe(
      40 * 60,
    );
    expect(punctualityOf(released('02:30:00', '2026-10-25T01:10:00Z', '2026-10-25'), options)).toBe(
      'lateMore',
    );
  });

  it('[URS-PRD-013] accepts the release instant as a Date or epoch milliseconds', () => {
    const instant = Date.parse('2026-11-10T11:35:00Z');
    expect(
      punctualityOf({ ...released('12:30:00', ''), freedAt: new Date(instant) }, options),
    ).toBe('late30');
    expect(punctualityOf({ ...released('12:30:00', ''), freedAt: instant }, options)).toBe(
      'late30',
    );
  });

  it('[URS-PRD-013] follows the site time zone it is given', () => {
    const order = released('12:30:00', '2026-11-10T11:40:00Z');
    expect(punctualityOf(order, options)).toBe('late30');
    expect(punctualityOf(order, { today, timeZone: 'UTC' })).toBe('onTime');
  });
});

describe('summarizePunctuality', () => {
  it('[URS-PRD-013] counts each category and the total of the orders that count', () => {
    const orders: PunctualityOrder[] = [
      released('12:30:00', '2026-11-10T11:00:00Z'),
      released('12:30:00', '2026-11-10T11:30:00Z'),
      released('12:30:00', '2026-11-10T11:35:00Z'),
      released('12:30:00', '2026-11-10T13:00:00Z'),
      {
        status: OrderStatus.Accepted,
        deliveryDate: '2026-11-10',
        deliveryTime: '08:00:00',
        freedAt: null,
      },
      {
        status: OrderStatus.Ordered,
        deliveryDate: '2026-11-10',
        deliveryTime: '08:00:00',
        freedAt: null,
      },
    ];
    expect(summarizePunctuality(orders, options)).toEqual({
      total: 5,
      onTime: 2,
      late30: 1,
      lateMore: 1,
      notReleased: 1,
    });
  });

  it('[URS-PRD-013] gives zeros for no orders', () => {
    expect(summarizePunctuality([], options)).toEqual({
      total: 0,
      onTime: 0,
      late30: 0,
      lateMore: 0,
      notReleased: 0,
    });
  });
});
