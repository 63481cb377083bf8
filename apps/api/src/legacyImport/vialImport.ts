/**
 * Legacy dispenser vials (docs/domain.md): `VAL` → Vial. The owner is the customer
 * whose dispenser id is the `customer` column (99, quality control, and unknown numbers give no
 * owner), the tracer the one whose vial tag starts the lot (`charge`) — tags are filled in by
 * production after the import, so usually none —, and a vial released with an order
 * (`VAL.order_id`, or the later `VialMapping` table) is assigned to that order. A vial identical
 * to a recorded one (activity, lot, volume, fill date and time) is that vial.
 */
import { dispenserDuplicateKey, lotTagOf } from '@tracershop/core';
import type { Vial } from '@tracershop/db';
import { skip } from './importSummary';
import { customersByDispenserId, tracersByVialTag } from './catalogImport';
import { LegacyIds, importLegacyRow } from './legacyRows';
import type { TableContext } from './legacyRows';
import type { LegacyRow } from './legacySource';
import { dateOf, integerOf, keyOf, numberOf, textOf, timeOf } from './legacyValues';

const ASSIGNED_IS_IMMUTABLE = 'assigned to a released order in the record database';

/** VAL id → legacy order id, from `VAL.order_id` and `VialMapping`. */
function orderOfVial(vials: LegacyRow[], vialMappings: LegacyRow[]): Map<string, string> {
  const orders = new Map<string, string>();
  for (const mapping of vialMappings) {
    const vial = keyOf(mapping, 'VAL_id');
    const order = keyOf(mapping, 'Order_id');
    if (vial !== null && order !== null) {
      orders.set(vial, order);
    }
  }
  for (const row of vials) {
    const vial = keyOf(row, 'ID');
    const order = keyOf(row, 'order_id');
    if (vial !== null && order !== null) {
      orders.set(vial, order);
    }
  }
  return orders;
}

export async function importVials(
  context: TableContext,
  rows: LegacyRow[],
  vialMappings: LegacyRow[],
): Promise<void> {
  const { Vial } = context.db.models;
  const { transaction } = context;
  const ids = await LegacyIds.load(context, 'VAL');
  const orders = await LegacyIds.load(context, 'orders');
  const customers = await customersByDispenserId(context);
  const tracers = await tracersByVialTag(context);
  const orderOf = orderOfVial(rows, vialMappings);
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'ID') ?? '?';
    const lotNumber = textOf(row, 'charge');
    const fillDate = dateOf(row, 'filldate');
    const fillTime = timeOf(row, 'filltime');
    const activity = numberOf(row, 'activity');
    const volume = numberOf(row, 'volume');
    if (lotNumber === null || lotNumber.length > 32) {
      skip(context.summary, legacyId, 'no charge (lot number) of at most 32 characters');
      continue;
    }
    if (fillDate === null || fillTime === null || activity === null || volume === null) {
      skip(context.summary, legacyId, 'no filldate, filltime, activity or volume');
      continue;
    }
    const dispenserId = integerOf(row, 'customer');
    const tag = lotTagOf(lotNumber)?.toUpperCase();
    const legacyOrder = orderOf.get(legacyId);
    const assignedToId = legacyOrder === undefined ? null : (orders.get(legacyOrder) ?? null);
    const key = dispenserDuplicateKey({ activity, lotNumber, volume, fillDate, fillTime });
    await importLegacyRow<Vial>(context, {
      model: Vial,
      entity: 'Vial',
      ids,
      legacyId,
      values: {
        customerId: dispenserId === null ? null : (customers.get(dispenserId) ?? null),
        lotNumber,
        fillDate,
        fillTime,
        activity,
        volume,
        assignedToId,
      },
      initial: { tracerId: tag === undefined ? null : (tracers.get(tag) ?? null) },
      findExisting: async () => {
        const sameLot = await Vial.findAll({ where: { lotNumber }, transaction });
        return sameLot.find((vial) => dispenserDuplicateKey(vial) === key) ?? null;
      },
      frozenReason: (vial) => (vial.assignedToId !== null ? ASSIGNED_IS_IMMUTABLE : null),
    });
  }
}
