/**
 * The site admin's accounts (Admin → Brugere): local accounts of every role made with a first
 * password, a password reset, and a user's role, active flag and name. A password the site
 * admin chose must be replaced by its owner at the next login (the session may do nothing
 * else, trpc/init.ts). Every change is audited like the legacy's role changes; a changed role,
 * a deactivation or a reset ends the user's sessions, so no session goes on with powers or a
 * password the user no longer has. The site admin cannot lock themselves out.
 */
import {
  UserGroup,
  UserSource,
  roleCustomersProblem,
  userCreateInput,
  userEditInput,
  userPasswordResetInput,
} from '@tracershop/core';
import { hashPassword } from '@tracershop/db';
import { assertNewPassword } from '../../auth/newPasswords';
import { apiError } from '../../errors';
import type { Writer } from '../../recordWrites';
import { procedure } from '../../trpc/init';
import { writeAccess } from '../setup/accessWrites';
import { PRODUCTION } from '../../events/audiences';
import { changesOf, createRow, findRow, saveChanges } from '../setup/rows';
import { addAssignment, publicUser } from '../setup/users';
import type { PublicUser } from '../setup/users';

/** A local account about to be written: checked by the caller (api or console). */
export interface LocalAccount {
  username: string;
  displayName: string;
  userGroup: UserGroup;
  customerIds: readonly number[];
  passwordHash: string;
  /** True when someone other than its owner chose the password. */
  mustChangePassword: boolean;
}

/**
 * Writes a local account and its customers' assignments in one access write, audited
 * (`user.create`, `userAssignment.create`) and announced. Used by Admin → Brugere and by
 * `tracershop user create`.
 */
export async function createLocalAccount(
  writer: Writer,
  account: LocalAccount,
): Promise<PublicUser> {
  const { User } = writer.services.db.models;
  return writeAccess(writer, async (scope) => {
    const { transaction, audit, publish } = scope;
    const user = await createRow(
      User,
      {
        username: account.username,
        displayName: account.displayName,
        userGroup: account.userGroup,
        active: true,
        passwordHash: account.passwordHash,
        source: UserSource.Local,
        mustChangePassword: account.mustChangePassword,
      },
      transaction,
    );
    const after = publicUser(user);
    audit({ action: 'user.create', entity: 'User', entityId: user.id, after });
    publish({ entity: 'User', op: 'upsert', rows: [after], visibility: PRODUCTION });
    for (const customerId of account.customerIds) {
      await addAssignment(writer.services, user.id, customerId, scope);
    }
    return after;
  });
}

/** A local account of any working role, with a first password its owner replaces. */
export const userCreate = procedure('admin.users.write')
  .input(userCreateInput)
  .mutation(async ({ ctx, input }) => {
    if (input.userGroup === UserGroup.Anon) {
      throw apiError('WRONG_USER_GROUP');
    }
    const customers = roleCustomersProblem(input.userGroup, input.customerIds);
    if (customers !== null) {
      throw apiError(customers === 'customersNeeded' ? 'CUSTOMERS_NEEDED' : 'CUSTOMERS_NOT_USED');
    }
    assertNewPassword(input.password, input.username);
    const { Customer } = ctx.services.db.models;
    for (const customerId of input.customerIds) {
      await findRow(Customer, customerId, 'Customer');
    }
    const passwordHash = await hashPassword(input.password);
    return createLocalAccount(ctx, {
      username: input.username,
      displayName: input.displayName ?? '',
      userGroup: input.userGroup,
      customerIds: input.customerIds,
      passwordHash,
      mustChangePassword: true,
    });
  });

/**
 * A new password for a local account, which its owner must replace at the next login; the
 * user's sessions end. Directory accounts change their password in the directory.
 */
export const userPasswordReset = procedure('admin.users.write')
  .input(userPasswordResetInput)
  .mutation(async ({ ctx, input }) => {
    if (input.id === ctx.user.id) {
      // One's own password is changed on "Skift kodeord", with the current one.
      throw apiError('OWN_ACCOUNT');
    }
    const { User } = ctx.services.db.models;
    const account = await findRow(User, input.id, 'User');
    if (account.passwordHash === null || account.source !== UserSource.Local) {
      throw apiError('DIRECTORY_ACCOUNT');
    }
    assertNewPassword(input.password, account.username);
    const passwordHash = await hashPassword(input.password);
    const result = await writeAccess(ctx, async ({ transaction, audit, publish }) => {
      const user = await findRow(User, input.id, 'User', transaction);
      user.passwordHash = passwordHash;
      user.mustChangePassword = true;
      await user.save({ transaction });
      const after = publicUser(user);
      audit({ action: 'user.resetPassword', entity: 'User', entityId: user.id });
      publish({ entity: 'User', op: 'upsert', rows: [after], visibility: PRODUCTION });
      return after;
    });
    // After the commit: a SQLite write outside the transaction would wait for its lock.
    await ctx.services.sessions.destroyAllOf(input.id);
    return result;
  });

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
