/**
 * Role assignment by the site admin: a user's group, active flag and name. Audited like the
 * legacy's role changes; a changed role or a deactivation ends the user's sessions, so no
 * session goes on with powers the user no longer has. The site admin cannot lock themselves
 * out.
 */
import { userEditInput } from '@tracershop/core';
import { apiError } from '../../errors';
import { procedure } from '../../trpc/init';
import { writeAccess } from '../setup/accessWrites';
import { PRODUCTION } from '../setup/audiences';
import { changesOf, findRow, saveChanges } from '../setup/rows';
import { publicUser } from '../setup/users';

export const userEdit = procedure('admin.users.write')
  .input(userEditInput)
  .mutation(async ({ ctx, input }) => {
    const { User } = ctx.services.db.models;
    const current = await findRow(User, input.id, 'User');
    const roleChanges =
      (input.userGroup !== undefined && input.userGroup !== current.userGroup) ||
      (input.active !== undefined && input.active !== current.active);
    if (roleChanges && input.id === ctx.user.id) {
      throw apiError('OWN_ACCOUNT');
    }
    const result = await writeAccess(ctx, async ({ transaction, audit, publish }) => {
      const user = await findRow(User, input.id, 'User', transaction);
      const before = publicUser(user);
      const { displayName, ...changes } = changesOf(input);
      // The column holds '' for "no name"; the input's null clears it.
      const values =
        displayName === undefined ? changes : { ...changes, displayName: displayName ?? '' };
      if (!(await saveChanges(user, values, transaction))) {
        return before;
      }
      const after = publicUser(user);
      audit({ action: 'user.edit', entity: 'User', entityId: user.id, before, after });
      publish({ entity: 'User', op: 'upsert', rows: [after], visibility: PRODUCTION });
      return after;
    });
    if (roleChanges) {
      // After the commit: a SQLite write outside the transaction would wait for its lock.
      await ctx.services.sessions.destroyAllOf(input.id);
    }
    return result;
  });
