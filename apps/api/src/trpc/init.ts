/**
 * tRPC as this api uses it: every procedure names its `action` of core's role matrix in its
 * meta, and the middlewares check version, origin, session and role before the procedure
 * runs. Errors carry a stable `reason` and a Danish message (errors.ts).
 */
import { initTRPC } from '@trpc/server';
import type { Action } from '@tracershop/core';
import { allowed, messageFor, tokenPermitsCall, toValidationIssues } from '@tracershop/core';
import { DbConstraintError } from '@tracershop/db';
import { ZodError } from 'zod';
import {
  ReasonedError,
  apiError,
  constraintToApiError,
  danishMessage,
  reasonOfError,
} from '../errors';
import type { Context } from './context';
import type { ActiveSession } from '../auth/sessions';

export interface Meta {
  /** The role-matrix action this procedure needs; absent only on public procedures. */
  action?: Action;
  /** Public procedures (login, whoami, version) need no session. */
  public?: true;
}

export interface InputIssue {
  path: Array<string | number>;
  key: string;
  message: string;
}

function inputIssuesOf(cause: unknown): InputIssue[] | undefined {
  if (!(cause instanceof ZodError)) {
    return undefined;
  }
  const issues = toValidationIssues(cause);
  return cause.issues.map((issue, index) => {
    const validation = issues[index] ?? { key: 'input.invalid' as const };
    return {
      path: issue.path.filter(
        (part): part is string | number => typeof part === 'string' || typeof part === 'number',
      ),
      key: validation.key,
      message: messageFor(validation),
    };
  });
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const issues = inputIssuesOf(cause);
      const reason = reasonOfError(error);
      let params: Record<string, string | number> = {};
      let details: unknown;
      if (cause instanceof ReasonedError) {
        params = cause.params;
        details = cause.details;
      }
      // tRPC's own refusals are English developer texts; the caller gets the reason's words.
      const message =
        cause instanceof ReasonedError
          ? error.message
          : issues
            ? issues.map((issue) => issue.message).join('; ')
            : danishMessage(reason);
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          reason,
          params,
          details,
          issues,
        },
      };
    },
  });

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/**
 * Latency of every call, recorded off the request path: the telemetry table and the
 * Prometheus metrics (metrics/apiMetrics.ts), with the refusal's reason when it failed.
 */
const telemetry = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const elapsed = performance.now() - started;
  ctx.services.telemetry.record(path, elapsed, result.ok);
  ctx.services.metrics.procedureCompleted(path, type, elapsed, result.ok ? null : result.error);
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.log.error({ err: result.error.cause ?? result.error, path }, 'procedure failed');
  }
  return result;
});

/** Database refusals become CONFLICT / NOT_FOUND with Danish text; nothing else changes. */
const databaseErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DbConstraintError) {
    throw constraintToApiError(result.error.cause);
  }
  return result;
});

/** An app built for another version is told to reload. */
const versionCheck = t.middleware(({ ctx, next }) => {
  if (ctx.clientVersion !== null && ctx.clientVersion !== ctx.services.config.version) {
    throw apiError('VERSION_MISMATCH', {}, { serverVersion: ctx.services.config.version });
  }
  return next();
});

/** Mutations only from this server's own pages (or configured origins). */
const originCheck = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && !ctx.originAllowed) {
    throw apiError('ORIGIN_REFUSED');
  }
  return next();
});

/**
 * A WebSocket's session was read when it connected; every call over it reads it again, as
 * every HTTP request does, so that a call of a session that has ended (logout, expiry,
 * password or role change, deactivation, on any instance) is refused, and a narrowed role or
 * customer list applies at once (auth/sessionSockets.ts).
 */
const currentSession = t.middleware(async ({ ctx, next }) => {
  if (ctx.transport !== 'ws' || ctx.session === null) {
    return next();
  }
  const session = await ctx.services.sessions.resolveId(ctx.session.id);
  const tokenEnded = session === null && ctx.session.user.token !== undefined;
  return next({
    ctx: {
      ...ctx,
      session,
      sessionToken: session === null ? null : ctx.sessionToken,
      tokenRefusal: tokenEnded ? ('TOKEN_REFUSED' as const) : ctx.tokenRefusal,
    },
  });
});

/** A script's read-only API token makes no changes (core's `tokenPermitsCall`). */
const tokenAccess = t.middleware(({ ctx, type, next }) => {
  const token = ctx.session?.user.token;
  if (token !== undefined && !tokenPermitsCall(token.access, type)) {
    throw apiError('TOKEN_READ_ONLY');
  }
  return next();
});

const base = t.procedure
  .use(telemetry)
  .use(databaseErrors)
  .use(versionCheck)
  .use(originCheck)
  .use(currentSession)
  .use(tokenAccess);

/** No session needed (login, whoami). */
export const publicProcedure = base.meta({ public: true });

/** The refusal of a call that needs a session and has none: why its token failed, if it sent one. */
function noSession(ctx: { tokenRefusal: Context['tokenRefusal'] }): never {
  throw apiError(ctx.tokenRefusal ?? 'UNAUTHENTICATED');
}

/**
 * The caller's session, or the refusal: none, or one whose password someone else set and
 * its owner has not replaced yet (only `auth.changePassword` takes such a session).
 */
function sessionOf(ctx: Context): ActiveSession {
  const session = ctx.session;
  if (session === null) {
    return noSession(ctx);
  }
  if (session.user.mustChangePassword === true) {
    throw apiError('PASSWORD_CHANGE_REQUIRED');
  }
  return session;
}

/** A logged-in caller allowed `action` by core's role matrix. */
export function procedure(action: Action) {
  return base.meta({ action }).use(({ ctx, next }) => {
    const session = sessionOf(ctx);
    if (!allowed(session.user.userGroup, action)) {
      throw apiError('FORBIDDEN_ROLE');
    }
    return next({ ctx: { ...ctx, session, user: session.user } });
  });
}

/** A logged-in caller with no further role condition (any group). */
export const authedProcedure = base.use(({ ctx, next }) => {
  const session = sessionOf(ctx);
  return next({ ctx: { ...ctx, session, user: session.user } });
});

/** A logged-in caller, also one who must replace a password someone else set (own password). */
export const ownAccountProcedure = base.use(({ ctx, next }) => {
  const session = ctx.session;
  if (session === null) {
    return noSession(ctx);
  }
  return next({ ctx: { ...ctx, session, user: session.user } });
});
