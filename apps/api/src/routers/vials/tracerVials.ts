/**
 * Tracer vials by hand and the production's vial reads (docs/domain.md,
 * the user guides in docs/). A vial assigned to an order is part of a signed release:
 * it cannot be edited or deleted until a correction detaches it (the legacy
 * server allowed it). Every write is audited with before and after.
 */
import { idInput, lotTagOf, vialCreateInput, vialEditInput } from '@tracershop/core';
import type { Vial } from '@tracershop/db';
import { Op } from 'sequelize';
import type { Transaction, WhereOptions } from 'sequelize';
import { requireReason } from '../../changeReasons';
import { apiError, notFound } from '../../errors';
import { writeRecord } from '../../recordWrites';
import { procedure } from '../../trpc/init';
import type { ApiServices } from '../../services';
import { toWire, toWireList } from '../../wire';
import { customerAudience, vialUpsert, withdrawnFromCustomer } from '../../events/audiences';
import { lockRows } from '../release/lockedRows';
import { dateRangeOf, pageOf, vialListInput, vialsForSlotInput } from './vialFilters';

/** Newest first, as the vial page shows them. */
const NEWEST_FIRST: [string, string][] = [
  ['fillDate', 'DESC'],
  ['fillTime', 'DESC'],
  ['id', 'DESC'],
];

async function assertTracerAndCustomer(
  services: ApiServices,
  transaction: Transaction,
  fields: { tracerId?: number | null; customerId?: number | null },
): Promise<void> {
  const { models } = services.db;
  if (fields.tracerId != null) {
    if ((await models.Tracer.findByPk(fields.tracerId, { transaction })) === null) {
      throw notFound('Tracer', [fields.tracerId]);
    }
  }
  if (fields.customerId != null) {
    if ((await models.Customer.findByPk(fields.customerId, { transaction })) === null) {
      throw notFound('Customer', [fields.customerId]);
    }
  }
}

/**
 * The tracer whose vial tag starts the lot number (as the dispenser import finds it), for a
 * manual vial whose tracer was not given; null when no tracer carries that tag.
 */
async function tracerOfLot(
  services: ApiServices,
  transaction: Transaction,
  lotNumber: string,
): Promise<number | null> {
  const tag = lotTagOf(lotNumber)?.toUpperCase();
  if (tag === undefined) {
    return null;
  }
  const tracers = await services.db.models.Tracer.findAll({ transaction });
  return tracers.find((tracer) => tracer.vialTag.toUpperCase() === tag)?.id ?? null;
}

function refuseAssigned(vial: Vial): void {
  if (vial.assignedToId !== null) {
    throw apiError('VIAL_ASSIGNED', {}, { vialId: vial.id, assignedToId: vial.assignedToId });
  }
}

export const listVials = procedure('vial.read')
  .input(vialListInput)
  .query(async ({ ctx, input }) => {
    const where: WhereOptions<Vial>[] = [];
    const range = dateRangeOf(input);
    if (range?.from !== undefined) {
      where.push({ fillDate: { [Op.gte]: range.from } });
    }
    if (range?.to !== undefined) {
      where.push({ fillDate: { [Op.lte]: range.to } });
    }
    if (input.customerId !== undefined) {
      where.push({ customerId: input.customerId });
    }
    if (input.tracerId !== undefined) {
      where.push({ tracerId: input.tracerId });
    }
    if (input.lotNumber !== undefined && input.lotNumber !== '') {
      where.push({ lotNumber: { [Op.like]: `%${input.lotNumber}%` } });
    }
    if (input.assigned !== undefined) {
      where.push({ assignedToId: input.assigned ? { [Op.ne]: null } : null });
    }
    const { limit, offset } = pageOf(input);
    const { rows, count } = await ctx.services.db.models.Vial.findAndCountAll({
      where: { [Op.and]: where },
      order: NEWEST_FIRST,
      limit,
      offset,
    });
    return {
      vials: toWireList(rows),
      total: count,
      nextOffset: offset + rows.length < count ? offset + rows.length : null,
    };
  });

/**
 * The vials of a delivery (slot, date) for the release modal: those selectable for a release
 * (what `release.activity` accepts: unassigned, filled that day, of the slot's tracer and
 * customer) and those already assigned to the delivery's orders.
 */
export const vialsForSlot = procedure('vial.read')
  .input(vialsForSlotInput)
  .query(async ({ ctx, input }) => {
    const { models } = ctx.services.db;
    const slot = await models.ActivityDeliveryTimeSlot.findByPk(input.slotId);
    const production = slot && (await models.ActivityProduction.findByPk(slot.productionId));
    const endpoint = slot && (await models.DeliveryEndpoint.findByPk(slot.endpointId));
    if (!slot || !production || !endpoint) {
      throw notFound('ActivityDeliveryTimeSlot', [input.slotId]);
    }
    const available = await models.Vial.findAll({
      where: {
        fillDate: input.date,
        tracerId: production.tracerId,
        customerId: endpoint.customerId,
        assignedToId: null,
      },
      order: [
        ['fillTime', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const orders = await models.ActivityOrder.findAll({
      where: {
        deliveryDate: input.date,
        [Op.or]: [{ orderedTimeSlotId: slot.id }, { movedToTimeSlotId: slot.id }],
      },
      attributes: ['id'],
    });
    const assigned =
      orders.length === 0
        ? []
        : await models.Vial.findAll({
            where: { assignedToId: { [Op.in]: orders.map((order) => order.id) } },
            order: [
              ['fillTime', 'ASC'],
              ['id', 'ASC'],
            ],
          });
    const slotId: number = slot.id;
    return {
      slotId,
      tracerId: production.tracerId,
      customerId: endpoint.customerId,
      available: toWireList(available),
      assigned: toWireList(assigned),
    };
  });

export const createVial = procedure('vial.write')
  .input(vialCreateInput)
  .mutation(({ ctx, input }) =>
    writeRecord(ctx, async ({ transaction, audit, publish }) => {
      await assertTracerAndCustomer(ctx.services, transaction, input);
      const tracerId =
        input.tracerId === undefined
          ? await tracerOfLot(ctx.services, transaction, input.lotNumber)
          : input.tracerId;
      const vial = await ctx.services.db.models.Vial.create(
        {
          tracerId,
          customerId: input.customerId ?? null,
          lotNumber: input.lotNumber,
          fillDate: input.fillDate,
          fillTime: input.fillTime,
          activity: input.activity,
          volume: input.volume,
          assignedToId: null,
        },
        { transaction },
      );
      const row = toWire(vial);
      await audit({ action: 'vial.create', entity: 'Vial', entityId: vial.id, after: row });
      publish(vialUpsert(row));
      return row;
    }),
  );

export const editVial = procedure('vial.write')
  .input(vialEditInput)
  .mutation(({ ctx, input }) =>
    writeRecord(ctx, async ({ transaction, audit, publish }) => {
      const { id, reason, ...changes } = input;
      const [vial] = await lockRows(ctx.services.db.models.Vial, 'Vial', [id], transaction);
      if (vial === undefined) {
        throw notFound('Vial', [id]);
      }
      refuseAssigned(vial);
      await assertTracerAndCustomer(ctx.services, transaction, changes);
      const before = toWire(vial);
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      ) as Partial<typeof changes>;
      vial.set(defined);
      if (vial.changed() === false) {
        // Nothing to record: an edit that changes nothing is neither written nor audited.
        return before;
      }
      requireReason({ change: 'vial' }, reason);
      await vial.save({ transaction });
      const row = toWire(vial);
      await audit({
        action: 'vial.edit',
        entity: 'Vial',
        entityId: vial.id,
        before,
        after: row,
        reason: reason ?? null,
      });
      publish(vialUpsert(row));
      if (before.customerId !== null && before.customerId !== row.customerId) {
        publish(withdrawnFromCustomer('Vial', [vial.id], before.customerId));
      }
      return row;
    }),
  );

export const deleteVial = procedure('vial.write')
  .input(idInput)
  .mutation(({ ctx, input }) =>
    writeRecord(ctx, async ({ transaction, audit, publish }) => {
      const [vial] = await lockRows(ctx.services.db.models.Vial, 'Vial', [input.id], transaction);
      if (vial === undefined) {
        throw notFound('Vial', [input.id]);
      }
      refuseAssigned(vial);
      const before = toWire(vial);
      await vial.destroy({ transaction });
      await audit({ action: 'vial.delete', entity: 'Vial', entityId: vial.id, before });
      publish({
        entity: 'Vial',
        op: 'delete',
        ids: [vial.id],
        visibility: customerAudience(before.customerId),
      });
      const deleted: { id: number } = { id: vial.id };
      return deleted;
    }),
  );
