/**
 * The legacy FDG schedule (docs/domain.md): `productionTimes` → ActivityProduction of
 * FDG (legacy day 1–7 is Monday–Sunday), `deliverTimes` → ActivityDeliveryTimeSlot of the
 * customer's endpoint, `blockDeliverDate` → ClosedDate.
 */
import { WeeklyRepeat } from '@tracershop/core';
import type { ActivityProduction } from '@tracershop/db';
import { skip } from './importSummary';
import { LegacyIds, importLegacyRow } from './legacyRows';
import type { TableContext } from './legacyRows';
import type { LegacyRow } from './legacySource';
import { dateOf, integerOf, keyOf, timeOf } from './legacyValues';

/** Legacy day 1–7 → weekday 0–6 (Monday first), else null. */
export function weekdayOfLegacyDay(day: number | null): number | null {
  return day !== null && day >= 1 && day <= 7 ? day - 1 : null;
}

/** Legacy `repeat_t`: 1 every week, 2 even weeks, 3 odd weeks. */
function weeklyRepeatOf(repeat: number | null): WeeklyRepeat {
  if (repeat === 2) {
    return WeeklyRepeat.EvenWeeks;
  }
  if (repeat === 3) {
    return WeeklyRepeat.OddWeeks;
  }
  return WeeklyRepeat.EveryWeek;
}

export async function importProductions(
  context: TableContext,
  rows: LegacyRow[],
  fdgId: number | null,
): Promise<void> {
  const { ActivityProduction } = context.db.models;
  const ids = await LegacyIds.load(context, 'productionTimes');
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'PTID') ?? '?';
    const weekday = weekdayOfLegacyDay(integerOf(row, 'day'));
    const productionTime = timeOf(row, 'ptime');
    if (fdgId === null) {
      skip(context.summary, legacyId, 'no FDG tracer');
      continue;
    }
    if (weekday === null || productionTime === null) {
      skip(context.summary, legacyId, 'no valid day (1-7) or ptime');
      continue;
    }
    await importLegacyRow(context, {
      model: ActivityProduction,
      entity: 'ActivityProduction',
      ids,
      legacyId,
      values: { weekday, productionTime },
      initial: { tracerId: fdgId },
      findExisting: () =>
        ActivityProduction.findOne({
          where: { tracerId: fdgId, weekday, productionTime },
          transaction: context.transaction,
        }),
    });
  }
}

/**
 * The production a legacy delivery belongs to: the production of the same `run` that day,
 * if it is not after the delivery; else the day's latest production at or before the
 * delivery time; else the day's first production.
 */
function productionFor(
  productions: readonly {
    id: number;
    weekday: number;
    productionTime: string;
    run: number | null;
  }[],
  weekday: number,
  deliveryTime: string,
  run: number | null,
): number | null {
  const ofDay = productions
    .filter((production) => production.weekday === weekday)
    .sort((a, b) => (a.productionTime < b.productionTime ? -1 : 1));
  const sameRun = ofDay.find(
    (production) =>
      run !== null && production.run === run && production.productionTime <= deliveryTime,
  );
  if (sameRun !== undefined) {
    return sameRun.id;
  }
  const before = ofDay.filter((production) => production.productionTime <= deliveryTime);
  return (before[before.length - 1] ?? ofDay[0])?.id ?? null;
}

export async function importDeliveryTimes(
  context: TableContext,
  rows: LegacyRow[],
  productionRows: LegacyRow[],
): Promise<void> {
  const { ActivityDeliveryTimeSlot, ActivityProduction } = context.db.models;
  const { transaction } = context;
  const ids = await LegacyIds.load(context, 'deliverTimes');
  const endpoints = await LegacyIds.load(context, 'Users/endpoint');
  const productionIds = await LegacyIds.load(context, 'productionTimes');
  const legacyRunOf = new Map<number, number | null>();
  for (const row of productionRows) {
    const id = productionIds.get(keyOf(row, 'PTID') ?? '');
    if (id !== undefined) {
      legacyRunOf.set(id, integerOf(row, 'run'));
    }
  }
  const imported: ActivityProduction[] =
    legacyRunOf.size === 0
      ? []
      : await ActivityProduction.findAll({ where: { id: [...legacyRunOf.keys()] }, transaction });
  const productions = imported.map((production) => ({
    id: production.id,
    weekday: production.weekday,
    productionTime: production.productionTime,
    run: legacyRunOf.get(production.id) ?? null,
  }));
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'DTID') ?? '?';
    const endpointId = endpoints.get(keyOf(row, 'BID') ?? '');
    const weekday = weekdayOfLegacyDay(integerOf(row, 'day'));
    const deliveryTime = timeOf(row, 'dtime');
    if (endpointId === undefined) {
      skip(context.summary, legacyId, 'BID is not an imported customer');
      continue;
    }
    if (weekday === null || deliveryTime === null) {
      skip(context.summary, legacyId, 'no valid day (1-7) or dtime');
      continue;
    }
    const productionId = productionFor(productions, weekday, deliveryTime, integerOf(row, 'run'));
    if (productionId === null) {
      skip(context.summary, legacyId, 'no FDG production on that weekday');
      continue;
    }
    await importLegacyRow(context, {
      model: ActivityDeliveryTimeSlot,
      entity: 'ActivityDeliveryTimeSlot',
      ids,
      legacyId,
      values: {
        productionId,
        deliveryTime,
        weeklyRepeat: weeklyRepeatOf(integerOf(row, 'repeat_t')),
      },
      initial: { endpointId },
      findExisting: () =>
        ActivityDeliveryTimeSlot.findOne({
          where: { endpointId, deliveryTime, productionId },
          transaction,
        }),
    });
  }
}

export async function importClosedDates(context: TableContext, rows: LegacyRow[]): Promise<void> {
  const { ClosedDate } = context.db.models;
  const ids = await LegacyIds.load(context, 'blockDeliverDate');
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'BDID') ?? '?';
    const closeDate = dateOf(row, 'ddate');
    if (closeDate === null) {
      skip(context.summary, legacyId, 'no valid ddate');
      continue;
    }
    await importLegacyRow(context, {
      model: ClosedDate,
      entity: 'ClosedDate',
      ids,
      legacyId,
      values: { closeDate },
      findExisting: () =>
        ClosedDate.findOne({ where: { closeDate }, transaction: context.transaction }),
    });
  }
}
