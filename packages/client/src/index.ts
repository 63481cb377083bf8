/**
 * @tracershop/client — a typed client for scripts against a running Tracershop site,
 * authenticated with an API token (README.md; docs/scripts.md in the repository).
 */
export { createTracershopClient } from './tracershopClient';
export type { TracershopApi, TracershopClient, TracershopClientControls } from './tracershopClient';
export { TOKEN_PREFIX, TracershopOptionsError, resolveClientOptions } from './clientOptions';
export type { ResolvedClientOptions, TracershopClientOptions } from './clientOptions';
export type { LiveEventsOptions } from './liveEventStream';
export { TOKEN_ENDED_CLOSE_CODE, TokenEndedError, isTracershopError, reasonOf } from './apiErrors';
export type { TracershopCallError } from './apiErrors';
/** The api's types a script may name: events, refusal reasons, procedure inputs and outputs. */
export type {
  AppRouter,
  ChangeEvent,
  ErrorReason,
  EventEntity,
  LiveEvent,
  RouterInputs,
  RouterOutputs,
} from '@tracershop/api';
