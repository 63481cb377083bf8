/**
 * Isotope vials by hand (docs/domain.md, the user guides in docs/): production
 * registers them with batch number, calibration instant, volume and activity. A delivered vial
 * (released with an isotope order) cannot be edited or deleted until a correction takes it
 * back. Batch numbers of new entries follow the lot format `TAG-YYMMDD-N` like the legacy
 * modal demanded; the stored column stays wider for imported history.
 */
import {
  fieldSchemas,
  idInput,
  isotopeVialCreateInput,
  isotopeVialEditInput,
} from '@tracershop/core';
import type { IsotopeVial } from '@tracershop/db';
import { Op } from 'sequelize';
import type { Transaction, WhereOptions } from 'sequelize';
import { requireReason } from '../../changeReasons';
import { apiError, notFound } from '../../errors';
import type { PublishedChange } from '../../events/changeEvents';
import { writeRecord } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { procedure } from '../../trpc/init';
import { lockRows } from '../release/lockedRows';
import { toWire, toWireList } from '../../wire';
import {
  dateRangeOf,
  endOfSiteDay,
  isotopeVialListInput,
  pageOf,
  startOfSiteDay,
} from './vialFilters';

const isotopeVialCreateRequest = isotopeVialCreateInput.extend({
  batchNumber: fieldSchemas.lotNumberText,
});
const isotopeVialEditRequest = isotopeVialEditInput.extend({
  batchNumber: fieldSchemas.lotNumberText.optional(),
});

/** Undelivered isotope vials concern production only. */
function productionUpsert(row: object): PublishedChange {
  return { entity: 'IsotopeVial', op: 'upsert', rows: [row], visibility: { kind: 'production' } };
}

async function assertIsotope(
  services: ApiServices,
  transaction: Transaction,
  isotopeId: number | undefined,
): Promise<void> {
  if (isotopeId === undefined) {
    return;
  }
  if ((await services.db.models.Isotope.findByPk(isotopeId, { transaction })) === null) {
    throw notFound('Isotope', [isotopeId]);
  }
}

function refuseDelivered(vial: IsotopeVial): void {
  if (vial.deliveredWithId !== null) {
    throw apiError(
      'VIAL_ASSIGNED',
      {},
      { isotopeVialId: vial.id, deliveredWithId: vial.deliveredWithId },
    );
  }
}

export const listIsotopeVials = procedure('vial.read')
  .input(isotopeVialListInput)
  .query(async ({ ctx, input }) => {
    const { timeZone } = ctx.services.config;
    const where: WhereOptions<IsotopeVial>[] = [];
    const range = dateRangeOf(input);
    if (range?.from !== undefined) {
      where.push({ calibratedAt: { [Op.gte]: startOfSiteDay(range.from, timeZone) } });
    }
    if (range?.to !== undefined) {
      where.push({ calibratedAt: { [Op.lt]: endOfSiteDay(range.to, timeZone) } });
    }
    if (input.isotopeId !== undefined) {
      where.push({ isotopeId: input.isotopeId });
    }
    if (input.delivered !== undefined) {
      where.push({ deliveredWithId: input.delivered ? { [Op.ne]: null } : null });
    }
    const { limit, offset } = pageOf(input);
    const { rows, count } = await ctx.services.db.models.IsotopeVial.findAndCountAll({
      where: { [Op.and]: where },
      order: [
        ['calibratedAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit,
      offset,
    });
    return {
      isotopeVials: toWireList(rows),
      total: count,
      nextOffset: offset + rows.length < count ? offset + rows.length : null,
    };
  });

export const createIsotopeVial = procedure('vial.write')
  .input(isotopeVialCreateRequest)
  .mutation(({ ctx, input }) =>
    writeRecord(ctx, async ({ transaction, audit, publish }) => {
      await assertIsotope(ctx.services, transaction, input.isotopeId);
      const vial = await ctx.services.db.models.IsotopeVial.create(
        {
          isotopeId: input.isotopeId,
          batchNumber: input.batchNumber,
          calibratedAt: new Date(input.calibratedAt),
          activity: input.activity,
          volume: input.volume,
          deliveredWithId: null,
        },
        { transaction },
      );
      const row = toWire(vial);
      await audit({
        action: 'isotopeVial.create',
        entity: 'IsotopeVial',
        entityId: vial.id,
        after: row,
      });
      publish(productionUpsert(row));
      return row;
    }),
  );

export const editIsotopeVial = procedure('vial.write')
  .input(isotopeVialEditRequest)
  .mutation(({ ctx, input }) =>
    writeRecord(ctx, async ({ transaction, audit, publish }) => {
      const { models } = ctx.services.db;
      const [vial] = await lockRows(models.IsotopeVial, 'IsotopeVial', [input.id], transaction);
      if (vial === undefined) {
        throw notFound('IsotopeVial', [input.id]);
      }
      refuseDelivered(vial);
      await assertIsotope(ctx.services, transaction, input.isotopeId);
      const before = toWire(vial);
      if (input.isotopeId !== undefined) {
        vial.isotopeId = input.isotopeId;
      }
      if (input.batchNumber !== undefined) {
        vial.batchNumber = input.batchNumber;
      }
      if (input.calibratedAt !== undefined) {
        vial.calibratedAt = new Date(input.calibratedAt);
      }
      if (input.activity !== undefined) {
        vial.activity = input.activity;
      }
      if (input.volume !== undefined) {
        vial.volume = input.volume;
      }
      if (vial.changed() === false) {
        // Nothing to record: an edit that changes nothing is neither written nor audited.
        return before;
      }
      requireReason({ change: 'vial' }, input.reason);
      await vial.save({ transaction });
      const row = toWire(vial);
      await audit({
        action: 'isotopeVial.edit',
        entity: 'IsotopeVial',
        entityId: vial.id,
        before,
        after: row,
        reason: input.reason ?? null,
      });
      publish(productionUpsert(row));
      return row;
    }),
  );

export const deleteIsotopeVial = procedure('vial.write')
  .input(idInput)
  .mutation(({ ctx, input }) =>
    writeRecord(ctx, async ({ transaction, audit, publish }) => {
      const { models } = ctx.services.db;
      const [vial] = await lockRows(models.IsotopeVial, 'IsotopeVial', [input.id], transaction);
      if (vial === undefined) {
        throw notFound('IsotopeVial', [input.id]);
      }
      refuseDelivered(vial);
      const before = toWire(vial);
      await vial.destroy({ transaction });
      await audit({
        action: 'isotopeVial.delete',
        entity: 'IsotopeVial',
        entityId: vial.id,
        before,
      });
      publish({
        entity: 'IsotopeVial',
        op: 'delete',
        ids: [vial.id],
        visibility: { kind: 'production' },
      });
      const deleted: { id: number } = { id: vial.id };
      return deleted;
    }),
  );
