/**
 * The audit trail for the site admin (docs/domain.md): rows filtered by entity, row, actor,
 * action and time, a page at a time, newest first; and the verification of the hash chain
 * (`verifyAuditChain`, the same check as `tracershop audit verify`).
 */
import { fieldSchemas } from '@tracershop/core';
import { verifyAuditChain } from '@tracershop/db';
import type { AuditEvent } from '@tracershop/db';
import type { WhereOptions } from 'sequelize';
import { z } from 'zod';
import { procedure } from '../../trpc/init';
import { toWire } from '../../wire';
import { instantWindow, instantWindowFields, pageFields, pageOf } from './queryWindows';

const { boundedText, id, keyed } = fieldSchemas;

export const auditTrailInput = z.strictObject(
  {
    entity: boundedText(64, { min: 1 }).optional(),
    entityId: id.optional(),
    actorId: id.optional(),
    action: boundedText(64, { min: 1 }).optional(),
    ...instantWindowFields,
    ...pageFields,
  },
  keyed('input.invalid'),
);

/** The stored snapshots as JSON values again. */
function auditRow(row: AuditEvent) {
  const wire = toWire(row);
  return {
    ...wire,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  };
}

export const auditTrailRead = procedure('admin.audit.read')
  .input(auditTrailInput.optional())
  .query(async ({ ctx, input = {} }) => {
    const where: WhereOptions<AuditEvent> = {
      ...(input.entity === undefined ? {} : { entity: input.entity }),
      ...(input.entityId === undefined ? {} : { entityId: input.entityId }),
      ...(input.actorId === undefined ? {} : { actorId: input.actorId }),
      ...(input.action === undefined ? {} : { action: input.action }),
      ...instantWindow(input.from, input.to),
    };
    const { page, pageSize, limit, offset } = pageOf(input.page, input.pageSize);
    const { rows, count } = await ctx.services.db.models.AuditEvent.findAndCountAll({
      where,
      order: [['id', 'DESC']],
      limit,
      offset,
    });
    return { rows: rows.map(auditRow), total: count, page, pageSize };
  });

/** The actions that occur in the trail, for the action filter (one row per action). */
export const auditActionList = procedure('admin.audit.read').query(async ({ ctx }) => {
  const rows = await ctx.services.db.models.AuditEvent.findAll({
    attributes: ['action'],
    group: ['action'],
    order: [['action', 'ASC']],
  });
  return rows.map((row) => row.action);
});

export const auditChainVerification = procedure('admin.audit.read').query(({ ctx }) =>
  verifyAuditChain(ctx.services.db.record),
);
