/**
 * Accounts and customer access: external shop users (group 6, local password) managed by
 * production admins ("Externe Kunder"), and shop admins granting colleagues (groups 4, 5)
 * access to customers they represent themselves ("Bruger", docs/operations.md;
 * the legacy lacked that check). With directory login on, a colleague who has never logged
 * in is looked up in the directory and gets their account with the grant; without it only
 * existing accounts can be granted. Access changes are audited and followed by live
 * subscriptions (`assignment` on the event); password hashes never leave the server.
 */
import {
  UserGroup,
  UserSource,
  isGrantableByShopAdmin,
  externalUserAssignCustomerInput,
  externalUserChangePasswordInput,
  externalUserCreateInput,
  userAssignmentCreateInput,
  userAssignmentDeleteInput,
} from '@tracershop/core';
import { DbConstraintError, hashPassword, usernameKeyOf } from '@tracershop/db';
import type { User, UserAssignment } from '@tracershop/db';
import type { Transaction } from 'sequelize';
import { assertNewPassword } from '../../auth/newPasswords';
import type { OutsideIdentity } from '../../auth/userProvisioning';
import { newOutsideAccount } from '../../auth/userProvisioning';
import { assertActsFor, customerLimitOf } from '../../customerScope';
import type { PublishedChange } from '../../events/changeEvents';
import { apiError, notFound } from '../../errors';
import type { ApiServices } from '../../services';
import { procedure, router } from '../../trpc/init';
import type { AccessWriteScope } from './accessWrites';
import { writeAccess } from './accessWrites';
import { PRODUCTION, customerAudience } from '../../events/audiences';
import { createRow, findRow } from './rows';
import type { WireRow } from '../../wire';
import { toWire, toWireList } from '../../wire';

/** A user as others see them: never the password hash or the internal username key. */
export type PublicUser = Omit<WireRow<User>, 'passwordHash' | 'usernameKey'>;

export function publicUser(user: User): PublicUser {
  const { passwordHash: _hash, usernameKey: _key, ...rest } = toWire(user);
  return rest;
}

async function assertCustomerExists(services: ApiServices, customerId: number): Promise<void> {
  await findRow(services.db.models.Customer, customerId, 'Customer');
}

async function externalUser(services: ApiServices, userId: number, transaction?: Transaction) {
  const user = await findRow(services.db.models.User, userId, 'User', transaction);
  if (user.userGroup !== UserGroup.ShopExternal) {
    throw apiError('NOT_EXTERNAL_USER');
  }
  return user;
}

function assignmentAdded(assignment: WireRow<UserAssignment>): PublishedChange {
  const { userId, customerId } = assignment;
  return {
    entity: 'UserAssignment',
    op: 'upsert',
    rows: [assignment],
    visibility: customerAudience(customerId),
    assignment: { userId, customerId },
  };
}

/**
 * The delete goes to the customer's users and to the user who lost access (who by then no
 * longer counts as one of the customer's users).
 */
function assignmentRemoved(assignment: WireRow<UserAssignment>): PublishedChange[] {
  const { id, userId, customerId } = assignment;
  const base = { entity: 'UserAssignment' as const, op: 'delete' as const, ids: [id] };
  return [
    { ...base, visibility: customerAudience(customerId), assignment: { userId, customerId } },
    { ...base, visibility: { kind: 'user', userId }, assignment: { userId, customerId } },
  ];
}

/** Assigns `userId` to `customerId` inside an access write, audited and announced. */
export async function addAssignment(
  services: ApiServices,
  userId: number,
  customerId: number,
  { transaction, audit, publish }: AccessWriteScope,
): Promise<WireRow<UserAssignment>> {
  const row = await createRow(
    services.db.models.UserAssignment,
    { userId, customerId },
    transaction,
  );
  const after = toWire(row);
  audit({ action: 'userAssignment.create', entity: 'UserAssignment', entityId: row.id, after });
  publish(assignmentAdded(after));
  return after;
}

async function removeAssignment(
  assignment: UserAssignment,
  { transaction, audit, publish }: AccessWriteScope,
): Promise<void> {
  const before = toWire(assignment);
  await assignment.destroy({ transaction });
  audit({
    action: 'userAssignment.delete',
    entity: 'UserAssignment',
    entityId: assignment.id,
    before,
  });
  publish(...assignmentRemoved(before));
}

const externalUsersRouter = router({
  /** A local account of group 6, optionally with its customer. */
  create: procedure('externalUser.write')
    .input(externalUserCreateInput)
    .mutation(async ({ ctx, input }) => {
      assertNewPassword(input.password, input.username);
      if (input.customerId !== undefined) {
        await assertCustomerExists(ctx.services, input.customerId);
      }
      const passwordHash = await hashPassword(input.password);
      return writeAccess(ctx, async (scope) => {
        const user = await createRow(
          ctx.services.db.models.User,
          {
            username: input.username,
            displayName: input.displayName ?? '',
            userGroup: UserGroup.ShopExternal,
            active: true,
            passwordHash,
            source: UserSource.Local,
          },
          scope.transaction,
        );
        const after = publicUser(user);
        scope.audit({ action: 'user.create', entity: 'User', entityId: user.id, after });
        scope.publish({ entity: 'User', op: 'upsert', rows: [after], visibility: PRODUCTION });
        const assignment =
          input.customerId === undefined
            ? null
            : await addAssignment(ctx.services, user.id, input.customerId, scope);
        return { user: after, assignment };
      });
    }),

  /** Sets an external user's password; their sessions end. */
  changePassword: procedure('externalUser.write')
    .input(externalUserChangePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const account = await externalUser(ctx.services, input.userId);
      assertNewPassword(input.password, account.username);
      const passwordHash = await hashPassword(input.password);
      await writeAccess(ctx, async ({ transaction, audit }) => {
        const user = await externalUser(ctx.services, input.userId, transaction);
        user.passwordHash = passwordHash;
        await user.save({ transaction });
        audit({ action: 'user.changePassword', entity: 'User', entityId: user.id });
      });
      // After the commit: a SQLite write outside the transaction would wait for its lock.
      await ctx.services.sessions.destroyAllOf(input.userId);
      return { ok: true as const };
    }),

  /**
   * The external user's one customer: the old assignments go, the new one comes (none when
   * `customerId` is null; the answer is then null).
   */
  assignCustomer: procedure('externalUser.write')
    .input(externalUserAssignCustomerInput)
    .mutation(async ({ ctx, input }) => {
      if (input.customerId !== null) {
        await assertCustomerExists(ctx.services, input.customerId);
      }
      return writeAccess(ctx, async (scope) => {
        const { UserAssignment } = ctx.services.db.models;
        const user = await externalUser(ctx.services, input.userId, scope.transaction);
        const existing = await UserAssignment.findAll({
          where: { userId: user.id },
          transaction: scope.transaction,
        });
        const kept = existing.find((assignment) => assignment.customerId === input.customerId);
        for (const assignment of existing) {
          if (assignment !== kept) {
            await removeAssignment(assignment, scope);
          }
        }
        if (input.customerId === null) {
          return null;
        }
        return kept === undefined
          ? addAssignment(ctx.services, user.id, input.customerId, scope)
          : toWire(kept);
      });
    }),
});

/**
 * The account a directory user who has never logged in gets with a grant, as their first login
 * would create it; null without directory login. Refuses a name the directory does not know,
 * a user whose groups give no role a shop admin may grant, and an unreachable directory.
 */
async function directoryAccountOf(
  services: ApiServices,
  username: string,
): Promise<OutsideIdentity | null> {
  if (!(await services.directory.isOn())) {
    return null;
  }
  const found = await services.directory.lookup(username);
  if (found.kind === 'unavailable') {
    throw apiError('DIRECTORY_UNAVAILABLE');
  }
  if (found.kind === 'not-found') {
    throw apiError('DIRECTORY_USER_UNKNOWN');
  }
  if (!isGrantableByShopAdmin(found.identity.userGroup)) {
    throw apiError('DIRECTORY_NO_SHOP_ROLE');
  }
  return found.identity;
}

function isUniqueRefusal(error: unknown, entity: string): boolean {
  return error instanceof DbConstraintError && error.kind === 'unique' && error.entity === entity;
}

const userAssignmentsRouter = router({
  /** Whether a grant may look a user name up in the directory (else: existing accounts only). */
  grantMode: procedure('shopAccess.write').query(async ({ ctx }) => ({
    directoryLookup: await ctx.services.directory.isOn(),
  })),

  /**
   * A shop admin gives a colleague (group 4 or 5) access to one of their own customers. A
   * colleague without an account is looked up in the directory (when on) and their account
   * is created with the grant, in one write; nothing is written on a refusal. The answer is
   * the assignment and whether the account was created with it.
   */
  create: procedure('shopAccess.write')
    .input(userAssignmentCreateInput)
    .mutation(async ({ ctx, input }) => {
      assertActsFor(ctx.user, input.customerId);
      await assertCustomerExists(ctx.services, input.customerId);
      const { User, UserAssignment } = ctx.services.db.models;
      const usernameKey = usernameKeyOf(input.username);
      // The directory answers before the write begins: no lock waits for the network.
      const existing = await User.findOne({ where: { usernameKey } });
      const newAccount =
        existing === null ? await directoryAccountOf(ctx.services, input.username) : null;
      const grant = () =>
        writeAccess(ctx, async (scope) => {
          let user = await User.findOne({ where: { usernameKey }, transaction: scope.transaction });
          const accountCreated = user === null;
          if (user === null) {
            if (newAccount === null) {
              throw notFound('User');
            }
            user = await createRow(User, newOutsideAccount(newAccount), scope.transaction);
            const after = publicUser(user);
            scope.audit({ action: 'user.create', entity: 'User', entityId: user.id, after });
            scope.publish({ entity: 'User', op: 'upsert', rows: [after], visibility: PRODUCTION });
          }
          if (!isGrantableByShopAdmin(user.userGroup)) {
            throw apiError('WRONG_USER_GROUP');
          }
          const granted = await UserAssignment.findOne({
            where: { userId: user.id, customerId: input.customerId },
            transaction: scope.transaction,
          });
          if (granted !== null) {
            throw apiError('ALREADY_HAS_ACCESS');
          }
          const assignment = await addAssignment(ctx.services, user.id, input.customerId, scope);
          return { ...assignment, accountCreated };
        });
      try {
        return await grant();
      } catch (error) {
        if (isUniqueRefusal(error, 'UserAssignment')) {
          // The same grant by someone else at the same moment.
          throw apiError('ALREADY_HAS_ACCESS');
        }
        if (isUniqueRefusal(error, 'User')) {
          // The colleague's first login created the account meanwhile: grant to that one.
          return grant();
        }
        throw error;
      }
    }),

  /** Takes a colleague's access to one of the caller's customers away. */
  delete: procedure('shopAccess.write')
    .input(userAssignmentDeleteInput)
    .mutation(({ ctx, input }) =>
      writeAccess(ctx, async (scope) => {
        const { User, UserAssignment } = ctx.services.db.models;
        const assignment = await findRow(
          UserAssignment,
          input.id,
          'UserAssignment',
          scope.transaction,
        );
        assertActsFor(ctx.user, assignment.customerId);
        const user = await findRow(User, assignment.userId, 'User', scope.transaction);
        if (!isGrantableByShopAdmin(user.userGroup)) {
          throw apiError('WRONG_USER_GROUP');
        }
        await removeAssignment(assignment, scope);
        return { id: input.id };
      }),
    ),
});

const usersRouter = router({
  /**
   * Accounts and their customers: production and site admins see everyone; a shop admin sees
   * the users of their own customers, and only those customers of them.
   */
  list: procedure('user.read').query(async ({ ctx }) => {
    const { User, UserAssignment } = ctx.services.db.models;
    const limit = customerLimitOf(ctx.user);
    const assignments = toWireList(
      await UserAssignment.findAll({
        ...(limit === null ? {} : { where: { customerId: limit } }),
        order: [['id', 'ASC']],
      }),
    );
    const users = await User.findAll({
      ...(limit === null ? {} : { where: { id: [...new Set(assignments.map((a) => a.userId))] } }),
      order: [['username', 'ASC']],
    });
    return {
      users: users.map((user) => ({
        ...publicUser(user),
        customerIds: assignments
          .filter((assignment) => assignment.userId === user.id)
          .map((assignment) => assignment.customerId),
      })),
      assignments,
    };
  }),
});

export { externalUsersRouter, userAssignmentsRouter, usersRouter };
