/**
 * Which audit events a view of the trail shows (docs/domain.md, "The audit trail in words"):
 * a period, a user, a kind of record and one record, an action, a customer, a lot. The page and
 * the exports take the same filter, so an export holds exactly the rows the page listed.
 *
 * A customer's events are those of its own records: the customer, its delivery endpoints and
 * times, the orders to them, the vials it owns, its catalogue pages, locations and procedures,
 * and its users' assignments. A lot's events are those of the orders released with it and the
 * vials that carry it (the lot trace), of every record whose audit snapshots named it, and its
 * recall exports.
 */
import { fieldSchemas } from '@tracershop/core';
import type { AuditEvent } from '@tracershop/db';
import { Op } from 'sequelize';
import type { WhereOptions } from 'sequelize';
import { z } from 'zod';
import { traceLot } from '../recall/lotTrace';
import { instantWindow, instantWindowFields } from '../routers/admin/queryWindows';
import type { ApiServices } from '../trpc/context';
import { LANGUAGES } from './auditVocabulary';

const { boundedText, id } = fieldSchemas;

export const auditFilterFields = {
  entity: boundedText(64, { min: 1 }).optional(),
  entityId: id.optional(),
  actorId: id.optional(),
  action: boundedText(64, { min: 1 }).optional(),
  customerId: id.optional(),
  lot: boundedText(128, { min: 1 }).optional(),
  ...instantWindowFields,
};

export const auditLanguage = z.enum(LANGUAGES).default('da');

export type AuditFilter = {
  [K in keyof typeof auditFilterFields]?: z.infer<(typeof auditFilterFields)[K]>;
};

type Owned = [entity: string, ids: readonly number[]];

function idsOf(rows: readonly { id: number }[]): number[] {
  return rows.map((row) => row.id);
}

/** The records of one customer, by entity. */
async function customerRecords(services: ApiServices, customerId: number): Promise<Owned[]> {
  const models = services.db.models;
  const endpoints = idsOf(
    await models.DeliveryEndpoint.findAll({ attributes: ['id'], where: { customerId } }),
  );
  const [slots, deliveries, locations] = await Promise.all([
    models.ActivityDeliveryTimeSlot.findAll({
      attributes: ['id'],
      where: { endpointId: endpoints },
    }).then(idsOf),
    models.IsotopeDelivery.findAll({ attributes: ['id'], where: { endpointId: endpoints } }).then(
      idsOf,
    ),
    models.Location.findAll({ attributes: ['id'], where: { endpointId: endpoints } }).then(idsOf),
  ]);
  const byEndpoint = { attributes: ['id'], where: { endpointId: endpoints } };
  const [
    activityOrders,
    injectionOrders,
    isotopeOrders,
    vials,
    pages,
    procedures,
    bookings,
    assignments,
  ] = await Promise.all([
    models.ActivityOrder.findAll({
      attributes: ['id'],
      where: {
        [Op.or]: [{ orderedTimeSlotId: slots }, { movedToTimeSlotId: slots }],
      },
    }).then(idsOf),
    models.InjectionOrder.findAll(byEndpoint).then(idsOf),
    models.IsotopeOrder.findAll({
      attributes: ['id'],
      where: { isotopeDeliveryId: deliveries },
    }).then(idsOf),
    models.Vial.findAll({ attributes: ['id'], where: { customerId } }).then(idsOf),
    models.TracerCatalogPage.findAll(byEndpoint).then(idsOf),
    models.Procedure.findAll(byEndpoint).then(idsOf),
    models.Booking.findAll({ attributes: ['id'], where: { locationId: locations } }).then(idsOf),
    models.UserAssignment.findAll({ attributes: ['id'], where: { customerId } }).then(idsOf),
  ]);
  return [
    ['Customer', [customerId]],
    ['DeliveryEndpoint', endpoints],
    ['ActivityDeliveryTimeSlot', slots],
    ['IsotopeDelivery', deliveries],
    ['Location', locations],
    ['ActivityOrder', activityOrders],
    ['InjectionOrder', injectionOrders],
    ['IsotopeOrder', isotopeOrders],
    ['Vial', vials],
    ['TracerCatalogPage', pages],
    ['Procedure', procedures],
    ['Booking', bookings],
    ['UserAssignment', assignments],
  ];
}

/**
 * The records a lot reached, by entity: those the recall trace finds now, and those whose audit
 * snapshots ever named it (a release that was corrected since, a vial taken off its order).
 */
async function lotRecords(services: ApiServices, lot: string): Promise<Owned[]> {
  const trace = await traceLot(services, lot);
  const named = JSON.stringify(lot);
  const mentions = ['lotNumber', 'batchNumber'].flatMap((field) =>
    (['before', 'after'] as const).map((side) => ({
      [side]: { [Op.like]: `%"${field}":${named}%` },
    })),
  );
  const audited = await services.db.models.AuditEvent.findAll({
    attributes: ['entity', 'entityId'],
    where: { [Op.and]: [{ entityId: { [Op.ne]: null } }, { [Op.or]: mentions }] },
    group: ['entity', 'entityId'],
  });
  const owned: Owned[] = [
    [
      'ActivityOrder',
      trace.activityDeliveries.flatMap((delivery) => delivery.orders.map((order) => order.id)),
    ],
    ['InjectionOrder', idsOf(trace.injectionOrders)],
    ['IsotopeOrder', idsOf(trace.isotopeOrders)],
    ['Vial', idsOf(trace.vials)],
    ['IsotopeVial', idsOf(trace.isotopeVials)],
  ];
  for (const row of audited) {
    owned.push([row.entity, [row.entityId ?? 0]]);
  }
  return owned;
}

/** Events of any of the records, one condition per entity. */
function ownedCondition(owned: readonly Owned[]): WhereOptions<AuditEvent>[] {
  const byEntity = new Map<string, Set<number>>();
  for (const [entity, ids] of owned) {
    const all = byEntity.get(entity) ?? new Set<number>();
    ids.forEach((id) => all.add(id));
    byEntity.set(entity, all);
  }
  return [...byEntity]
    .filter(([, ids]) => ids.size > 0)
    .map(([entity, ids]) => ({ entity, entityId: [...ids] }));
}

/** The WHERE of a filter. */
export async function auditWhere(
  services: ApiServices,
  filter: AuditFilter,
): Promise<WhereOptions<AuditEvent>> {
  const conditions: WhereOptions<AuditEvent>[] = [
    {
      ...(filter.entity === undefined ? {} : { entity: filter.entity }),
      ...(filter.entityId === undefined ? {} : { entityId: filter.entityId }),
      ...(filter.actorId === undefined ? {} : { actorId: filter.actorId }),
      ...(filter.action === undefined ? {} : { action: filter.action }),
      ...instantWindow(filter.from, filter.to),
    },
  ];
  if (filter.customerId !== undefined) {
    const owned = ownedCondition(await customerRecords(services, filter.customerId));
    conditions.push({ [Op.or]: owned });
  }
  if (filter.lot !== undefined) {
    const lot = filter.lot.trim();
    conditions.push({
      [Op.or]: [
        ...ownedCondition(await lotRecords(services, lot)),
        // A recall export names its lot: `{"customers":…,"lot":"FDG-261207-1",…}` (a `_` or
        // `%` in a lot matches a little more, never less).
        { entity: 'Recall', after: { [Op.like]: `%"lot":${JSON.stringify(lot)}%` } },
      ],
    });
  }
  return { [Op.and]: conditions };
}
