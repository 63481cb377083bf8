/**
 * @tracershop/api — the service and the `AppRouter` type the apps build their clients on.
 */
export { appRouter } from './routers';
export type { AppRouter, RouterInputs, RouterOutputs } from './routers';
export { startApiServer, createServices } from './server';
export type { ApiServer, ApiServerOptions } from './server';
export { apiConfigFromEnv } from './config';
export type { ApiConfig } from './config';
export { errorReasons } from './errors';
export type { ErrorReason } from './errors';
export type { ChangeEvent, EventEntity } from './events/changeEvents';
export type { LiveEvent } from './routers/events';
export { VERSION_HEADER } from './trpc/context';
export { SESSION_COOKIE } from './auth/cookies';
