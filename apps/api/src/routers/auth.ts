/**
 * Login, logout, who am I, change password. Sessions live in HttpOnly cookies; login runs
 * over HTTP (a WebSocket cannot set cookies).
 */
import { changePasswordInput, loginInput } from '@tracershop/core';
import { hashPassword } from '@tracershop/db';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies';
import { assertNewPassword } from '../auth/newPasswords';
import { verifyOwnPassword } from '../auth/ownPassword';
import type { SessionUser } from '../auth/sessions';
import { apiError } from '../errors';
import { writeAccess } from './setup/accessWrites';
import { ownAccountProcedure, publicProcedure, router } from '../trpc/init';

/** What the apps know about the caller. */
export function publicUserOf(user: SessionUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    userGroup: user.userGroup,
    customerIds: user.customerIds,
    /** A password someone else set: the apps show only "Skift kodeord" until it is replaced. */
    mustChangePassword: user.mustChangePassword === true,
  };
}

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { services, remoteAddress } = ctx;
    const { models } = services.db;
    const lock = await services.attempts.check(input.username, remoteAddress);
    if (lock.locked) {
      await models.LoginEvent.create({
        at: services.clock.now(),
        username: input.username,
        success: false,
        reason: 'locked',
        remoteAddress,
      });
      throw apiError('LOCKED_OUT', { minutes: Math.ceil(lock.retryAfterSeconds / 60) });
    }
    const result = await services.authenticator.authenticate(input.username, input.password);
    const user = result.ok ? await services.sessions.loadUser(result.userId) : null;
    if (!result.ok || user === null) {
      await services.attempts.recordFailure(input.username, remoteAddress);
      await models.LoginEvent.create({
        at: services.clock.now(),
        username: input.username,
        success: false,
        reason: result.ok ? 'no-role' : result.reason,
        remoteAddress,
      });
      throw apiError('LOGIN_FAILED');
    }
    await services.attempts.recordSuccess(input.username);
    const session = await services.sessions.create(user.id);
    ctx.setCookie(
      sessionCookie(session.token, session.maxAgeSeconds, services.config.secureCookies),
    );
    await models.User.update({ lastLoginAt: services.clock.now() }, { where: { id: user.id } });
    await models.LoginEvent.create({
      at: services.clock.now(),
      username: user.username,
      success: true,
      reason: null,
      remoteAddress,
    });
    ctx.log.info({ userId: user.id }, 'login');
    return { user: publicUserOf(user) };
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    // A token's session ends by revocation, not by logout.
    if (ctx.session !== null && ctx.session.user.token === undefined) {
      await ctx.services.sessions.destroy(ctx.session.id);
    }
    ctx.setCookie(clearedSessionCookie(ctx.services.config.secureCookies));
    return { ok: true as const };
  }),

  whoami: publicProcedure.query(({ ctx }) => ({
    user: ctx.session === null ? null : publicUserOf(ctx.session.user),
    version: ctx.services.config.version,
    timeZone: ctx.services.config.timeZone,
  })),

  /**
   * A local account's own new password. The current one is checked under the login
   * lock-out (ownPassword.ts); the user's other sessions end, on every open socket too. It
   * also replaces a password someone else set (a new account, a reset), which is all such a
   * session may do.
   */
  changePassword: ownAccountProcedure
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const { services } = ctx;
      assertNewPassword(input.newPassword, ctx.user.username);
      await verifyOwnPassword({
        services,
        user: ctx.user,
        password: input.currentPassword,
        remoteAddress: ctx.remoteAddress,
        refusal: { action: 'user.changePassword.refused', entity: 'User', entityId: ctx.user.id },
        wrongPasswordReason: 'WRONG_PASSWORD',
      });
      const passwordHash = await hashPassword(input.newPassword);
      await writeAccess(ctx, async ({ transaction, audit }) => {
        const user = await services.db.models.User.findByPk(ctx.user.id, { transaction });
        if (user === null || user.passwordHash === null) {
          // Directory accounts change their password in the directory.
          throw apiError('DIRECTORY_ACCOUNT');
        }
        user.passwordHash = passwordHash;
        user.mustChangePassword = false;
        await user.save({ transaction });
        audit({ action: 'user.changePassword', entity: 'User', entityId: user.id });
      });
      // After the commit: a SQLite write outside the transaction would wait for its lock.
      await services.sessions.destroyAllOf(ctx.user.id, ctx.session.id);
      return { ok: true as const };
    }),
});
