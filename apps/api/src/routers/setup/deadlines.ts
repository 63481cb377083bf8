/**
 * Ordering limits (production set-up "Deadlines" and "Lukke dage"): deadlines, the global
 * activity and injection deadline (`appliesTo`), and closed days. Making a deadline global
 * takes the role from the deadline that had it, so each kind has at most one; a global
 * deadline is never left without a successor (the set-up page locks it the same way).
 */
import {
  DeadlineType,
  closedDateToggleInput,
  deadlineCreateInput,
  deadlineEditInput,
  idInput,
} from '@tracershop/core';
import type { DeadlineScope } from '@tracershop/core';
import type { Transaction } from 'sequelize';
import { apiError } from '../../errors';
import type { WriteScope } from '../../recordWrites';
import { writeRecord } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { procedure, router } from '../../trpc/init';
import { EVERYONE } from '../../events/audiences';
import { changesOf, createRow, findRow, saveChanges } from './rows';
import { toWire } from '../../wire';

/** Takes the global role `scope` from the deadline holding it (other than `exceptId`). */
async function releaseGlobalRole(
  services: ApiServices,
  scope: DeadlineScope,
  exceptId: number | null,
  { transaction, audit, publish }: WriteScope,
): Promise<void> {
  const holder = await services.db.models.Deadline.findOne({
    where: { appliesTo: scope },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (holder === null || holder.id === exceptId) {
    return;
  }
  const before = toWire(holder);
  holder.appliesTo = null;
  await holder.save({ transaction });
  const after = toWire(holder);
  await audit({ action: 'deadline.edit', entity: 'Deadline', entityId: holder.id, before, after });
  publish({ entity: 'Deadline', op: 'upsert', rows: [after], visibility: EVERYONE });
}

/** A weekly deadline falls on a weekday; a daily one has none. */
function normalizedWeekday(
  deadlineType: DeadlineType,
  weekday: number | null | undefined,
): number | null {
  if (deadlineType === DeadlineType.Daily) {
    return null;
  }
  if (weekday == null) {
    throw apiError('INVALID_INPUT', {}, { fields: ['weekday'] });
  }
  return weekday;
}

async function closedDateOn(services: ApiServices, date: string, transaction: Transaction) {
  return services.db.models.ClosedDate.findOne({
    where: { closeDate: date },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
}

const deadlinesRouter = router({
  create: procedure('productionSetup.write')
    .input(deadlineCreateInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async (scope) => {
        const { transaction, audit, publish } = scope;
        const appliesTo = input.appliesTo ?? null;
        if (appliesTo !== null) {
          await releaseGlobalRole(ctx.services, appliesTo, null, scope);
        }
        const row = await createRow(
          ctx.services.db.models.Deadline,
          {
            deadlineType: input.deadlineType,
            deadlineTime: input.deadlineTime,
            weekday: normalizedWeekday(input.deadlineType, input.weekday),
            appliesTo,
          },
          transaction,
        );
        const after = toWire(row);
        await audit({ action: 'deadline.create', entity: 'Deadline', entityId: row.id, after });
        publish({ entity: 'Deadline', op: 'upsert', rows: [after], visibility: EVERYONE });
        return after;
      }),
    ),

  /** `appliesTo` set: this deadline becomes the global one of that kind. */
  edit: procedure('productionSetup.write')
    .input(deadlineEditInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async (scope) => {
        const { transaction, audit, publish } = scope;
        const row = await findRow(
          ctx.services.db.models.Deadline,
          input.id,
          'Deadline',
          transaction,
        );
        const before = toWire(row);
        const changes = changesOf(input);
        if (input.appliesTo !== undefined && input.appliesTo !== row.appliesTo) {
          if (row.appliesTo !== null) {
            throw apiError('GLOBAL_DEADLINE_LOCKED');
          }
          if (input.appliesTo !== null) {
            await releaseGlobalRole(ctx.services, input.appliesTo, row.id, scope);
          }
        }
        const deadlineType = input.deadlineType ?? row.deadlineType;
        const weekday = normalizedWeekday(
          deadlineType,
          input.weekday === undefined ? row.weekday : input.weekday,
        );
        if (await saveChanges(row, { ...changes, weekday }, transaction)) {
          const after = toWire(row);
          await audit({
            action: 'deadline.edit',
            entity: 'Deadline',
            entityId: row.id,
            before,
            after,
          });
          publish({ entity: 'Deadline', op: 'upsert', rows: [after], visibility: EVERYONE });
        }
        return toWire(row);
      }),
    ),

  /** The global deadlines stay: make another one global first. */
  delete: procedure('productionSetup.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await findRow(
          ctx.services.db.models.Deadline,
          input.id,
          'Deadline',
          transaction,
        );
        if (row.appliesTo !== null) {
          throw apiError('GLOBAL_DEADLINE_LOCKED');
        }
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({ action: 'deadline.delete', entity: 'Deadline', entityId: row.id, before });
        publish({ entity: 'Deadline', op: 'delete', ids: [row.id], visibility: EVERYONE });
        return { id: input.id };
      }),
    ),
});

const closedDatesRouter = router({
  /** Closes an open day, opens a closed one (a click on the production calendar). */
  toggle: procedure('productionSetup.write')
    .input(closedDateToggleInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const existing = await closedDateOn(ctx.services, input.date, transaction);
        if (existing !== null) {
          const before = toWire(existing);
          await existing.destroy({ transaction });
          await audit({
            action: 'closedDate.delete',
            entity: 'ClosedDate',
            entityId: existing.id,
            before,
          });
          publish({ entity: 'ClosedDate', op: 'delete', ids: [existing.id], visibility: EVERYONE });
          return { date: input.date, closed: false as boolean, closedDate: null };
        }
        const row = await createRow(
          ctx.services.db.models.ClosedDate,
          { closeDate: input.date },
          transaction,
        );
        const after = toWire(row);
        await audit({ action: 'closedDate.create', entity: 'ClosedDate', entityId: row.id, after });
        publish({ entity: 'ClosedDate', op: 'upsert', rows: [after], visibility: EVERYONE });
        return { date: input.date, closed: true as boolean, closedDate: after };
      }),
    ),
});

export { closedDatesRouter, deadlinesRouter };
