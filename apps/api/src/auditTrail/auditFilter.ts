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
import { Op, literal, where as sequelizeWhere } from 'sequelize';
import type { WhereOptions } from 'sequelize';
import { z } from 'zod';
import { traceLot } from '../recall/lotTrace';
import { instantWindow, instantWindowFields } from '../routers/admin/queryWindows';
import type { ApiServices } from '../services';
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

/**
 * The records of one customer in the record database, by entity, as SQL that selects their
 * ids: the database joins them in the same query as the events (a customer has thousands of
 * orders in a year).
 */
function customerRecords(services: ApiServices, customerId: number): [string, string][] {
  const { models, record } = services.db;
  const queryInterface = record.getQueryInterface();
  type Table = { getTableName(): unknown; getAttributes(): Record<string, { field?: string }> };
  const table = (model: Table) => queryInterface.quoteIdentifier(String(model.getTableName()));
  const column = (model: Table, attribute: string) =>
    queryInterface.quoteIdentifier(model.getAttributes()[attribute]?.field ?? attribute);
  const ids = (model: Table, condition: string) =>
    `SELECT ${column(model, 'id')} FROM ${table(model)} WHERE ${condition}`;
  const where = (model: Table, attribute: string, values: string) =>
    ids(model, `${column(model, attribute)} IN (${values})`);
  const customer = record.escape(customerId);
  const endpoints = ids(
    models.DeliveryEndpoint,
    `${column(models.DeliveryEndpoint, 'customerId')} = ${customer}`,
  );
  const slots = where(models.ActivityDeliveryTimeSlot, 'endpointId', endpoints);
  const deliveries = where(models.IsotopeDelivery, 'endpointId', endpoints);
  const locations = where(models.Location, 'endpointId', endpoints);
  const activityOrders =
    `${where(models.ActivityOrder, 'orderedTimeSlotId', slots)} UNION ` +
    where(models.ActivityOrder, 'movedToTimeSlotId', slots);
  return [
    ['Customer', customer],
    ['DeliveryEndpoint', endpoints],
    ['ActivityDeliveryTimeSlot', slots],
    ['IsotopeDelivery', deliveries],
    ['Location', locations],
    ['ActivityOrder', activityOrders],
    ['InjectionOrder', where(models.InjectionOrder, 'endpointId', endpoints)],
    ['IsotopeOrder', where(models.IsotopeOrder, 'isotopeDeliveryId', deliveries)],
    ['Vial', ids(models.Vial, `${column(models.Vial, 'customerId')} = ${customer}`)],
    ['TracerCatalogPage', where(models.TracerCatalogPage, 'endpointId', endpoints)],
    ['Procedure', where(models.Procedure, 'endpointId', endpoints)],
    ['Booking', where(models.Booking, 'locationId', locations)],
  ];
}

/**
 * The rare actions whose snapshots may name a lot no record holds any more: a correction (the
 * release it undid) and a vial edit (a lot number changed).
 */
function mayNameAFormerLot(action: string): boolean {
  return /\.correct$|^(vial|isotopeVial)\.edit$/.test(action);
}

/**
 * The records a lot reached, by entity: those the recall trace finds now (the vials with the
 * lot, the orders released with them) and those a correction or a vial edit named with it (a
 * release corrected since, a vial whose lot was changed).
 */
async function lotRecords(services: ApiServices, lot: string): Promise<Owned[]> {
  const { AuditEvent: events } = services.db.models;
  const trace = await traceLot(services, lot);
  const actions = (await events.findAll({ attributes: ['action'], group: ['action'] }))
    .map((row) => row.action)
    .filter(mayNameAFormerLot);
  const named = `%${JSON.stringify(lot)}%`;
  const audited = await events.findAll({
    attributes: ['entity', 'entityId'],
    where: {
      action: actions,
      entityId: { [Op.ne]: null },
      [Op.or]: [{ after: { [Op.like]: named } }, { before: { [Op.like]: named } }],
    },
    group: ['entity', 'entityId'],
  });
  return [
    [
      'ActivityOrder',
      trace.activityDeliveries.flatMap((delivery) => delivery.orders.map((order) => order.id)),
    ],
    ['InjectionOrder', idsOf(trace.injectionOrders)],
    ['IsotopeOrder', idsOf(trace.isotopeOrders)],
    ['Vial', idsOf(trace.vials)],
    ['IsotopeVial', idsOf(trace.isotopeVials)],
    ...audited.map((row): Owned => [row.entity, [row.entityId ?? 0]]),
  ];
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
    // Its users' assignments live in the web database: their ids are read first.
    const assignments = await services.db.models.UserAssignment.findAll({
      attributes: ['id'],
      where: { customerId: filter.customerId },
    });
    // `+entity` (a no-op for MariaDB) keeps SQLite from collecting every match through the
    // entity index and sorting them: it walks the trail newest first and stops at the page.
    const entityColumn = literal(
      `+${services.db.record.getQueryInterface().quoteIdentifier('entity')}`,
    );
    conditions.push({
      [Op.or]: [
        ...customerRecords(services, filter.customerId).map(([entity, ids]) => ({
          [Op.and]: [
            sequelizeWhere(entityColumn, entity),
            { entityId: { [Op.in]: literal(`(${ids})`) } },
          ],
        })),
        ...ownedCondition([['UserAssignment', idsOf(assignments)]]),
      ],
    });
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

/**
 * One page of the events `where` selects, newest first, and how many there are. The page's ids
 * are found first from the indexes alone (no snapshot is read to sort thousands of matches),
 * then only those rows are read.
 */
export async function auditPage(
  services: ApiServices,
  where: WhereOptions<AuditEvent>,
  limit: number,
  offset: number,
): Promise<{ rows: AuditEvent[]; count: number }> {
  const { AuditEvent: events } = services.db.models;
  const [found, count] = await Promise.all([
    events.findAll({ attributes: ['id'], where, order: [['id', 'DESC']], limit, offset }),
    events.count({ where }),
  ]);
  const rows = await events.findAll({
    where: { id: found.map((row) => row.id) },
    order: [['id', 'DESC']],
  });
  return { rows, count };
}
