/**
 * Release rights ("Frigivelse rettigheder", docs/operations.md): who may sign
 * the release of which tracer or isotope, until when. Only production members hold rights;
 * a production admin never grants or changes their own (core `mayGrantReleaseRight`; the
 * site admin may). Revoking needs the role alone. Every change is audited.
 */
import {
  idInput,
  isProductionMember,
  mayGrantReleaseRight,
  releaseRightCreateInput,
  releaseRightEditInput,
} from '@tracershop/core';
import type { SessionUser } from '../../auth/sessions';
import { apiError, notFound } from '../../errors';
import { writeRecord } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { procedure, router } from '../../trpc/init';
import { PRODUCTION } from '../../events/audiences';
import { createRow, findRow } from './rows';
import { toWire, toWireList } from '../../wire';

/** Refuses unless `granter` may grant `granteeId` a right; returns the grantee's name. */
async function assertMayGrant(
  services: ApiServices,
  granter: SessionUser,
  granteeId: number,
): Promise<string> {
  const grantee = await services.db.models.User.findByPk(granteeId);
  if (grantee === null) {
    throw notFound('User');
  }
  if (!isProductionMember(grantee.userGroup)) {
    throw apiError('GRANTEE_NOT_PRODUCTION');
  }
  if (
    !mayGrantReleaseRight({
      granterGroup: granter.userGroup,
      granterId: granter.id,
      granteeId: grantee.id,
      granteeGroup: grantee.userGroup,
    })
  ) {
    throw apiError('SELF_GRANT');
  }
  return grantee.displayName || grantee.username;
}

export const releaseRightsRouter = router({
  list: procedure('releaseRight.read').query(async ({ ctx }) =>
    toWireList(await ctx.services.db.models.ReleaseRight.findAll({ order: [['id', 'ASC']] })),
  ),

  create: procedure('releaseRight.write')
    .input(releaseRightCreateInput)
    .mutation(async ({ ctx, input }) => {
      const userName = await assertMayGrant(ctx.services, ctx.user, input.userId);
      return writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ReleaseRight, Tracer, Isotope } = ctx.services.db.models;
        if (input.tracerId != null) {
          const tracer = await findRow(Tracer, input.tracerId, 'Tracer', transaction);
          if (tracer.archived) {
            throw apiError('TRACER_ARCHIVED');
          }
        }
        if (input.isotopeId != null) {
          await findRow(Isotope, input.isotopeId, 'Isotope', transaction);
        }
        const row = await createRow(
          ReleaseRight,
          {
            userId: input.userId,
            userName,
            tracerId: input.tracerId ?? null,
            isotopeId: input.isotopeId ?? null,
            expiryDate: input.expiryDate ?? null,
          },
          transaction,
        );
        const after = toWire(row);
        await audit({
          action: 'releaseRight.create',
          entity: 'ReleaseRight',
          entityId: row.id,
          after,
        });
        publish({ entity: 'ReleaseRight', op: 'upsert', rows: [after], visibility: PRODUCTION });
        return after;
      });
    }),

  /** Changes the expiry date (null: never expires). */
  edit: procedure('releaseRight.write')
    .input(releaseRightEditInput)
    .mutation(async ({ ctx, input }) => {
      const { ReleaseRight } = ctx.services.db.models;
      const current = await findRow(ReleaseRight, input.id, 'ReleaseRight');
      await assertMayGrant(ctx.services, ctx.user, current.userId);
      return writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const row = await findRow(ReleaseRight, input.id, 'ReleaseRight', transaction);
        if (row.expiryDate === input.expiryDate) {
          return toWire(row);
        }
        const before = toWire(row);
        row.expiryDate = input.expiryDate;
        await row.save({ transaction });
        const after = toWire(row);
        await audit({
          action: 'releaseRight.edit',
          entity: 'ReleaseRight',
          entityId: row.id,
          before,
          after,
        });
        publish({ entity: 'ReleaseRight', op: 'upsert', rows: [after], visibility: PRODUCTION });
        return after;
      });
    }),

  /** Revoking is safe, also of one's own right. */
  delete: procedure('releaseRight.write')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      writeRecord(ctx, async ({ transaction, audit, publish }) => {
        const { ReleaseRight } = ctx.services.db.models;
        const row = await findRow(ReleaseRight, input.id, 'ReleaseRight', transaction);
        const before = toWire(row);
        await row.destroy({ transaction });
        await audit({
          action: 'releaseRight.delete',
          entity: 'ReleaseRight',
          entityId: row.id,
          before,
        });
        publish({ entity: 'ReleaseRight', op: 'delete', ids: [row.id], visibility: PRODUCTION });
        return { id: input.id };
      }),
    ),
});
