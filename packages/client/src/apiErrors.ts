/**
 * What a script reads from a failed call. The api answers every refusal with a stable reason
 * in `error.data.reason` (`'DEADLINE_PASSED'`, `'TOKEN_READ_ONLY'`, …), its parameters in
 * `error.data.params` and a sentence in `error.message` (Danish, as the api writes it for
 * logs and scripts). A call the api never answered (network down, proxy error) has no reason.
 */
import type { AppRouter, ErrorReason } from '@tracershop/api';
import { TRPCClientError } from '@trpc/client';

/** The WebSocket close code with which the api ends the connections of an ended token. */
export const TOKEN_ENDED_CLOSE_CODE = 4401;

/** A refusal or failure of a call: `error.data` is set when the api answered. */
export type TracershopCallError = TRPCClientError<AppRouter>;

/** Whether `error` is the error of a call through this client (answered or not). */
export function isTracershopError(error: unknown): error is TracershopCallError {
  return error instanceof TRPCClientError;
}

/**
 * The live events ended because the api closed the WebSocket for an ended token (revoked,
 * expired, or its owner may no longer use it): close code 4401. It carries the reason the api
 * gives every later call of that token, `data.reason === 'TOKEN_REFUSED'`, so a script can
 * handle both in one place.
 */
export class TokenEndedError extends Error {
  /** The WebSocket close code, 4401. */
  readonly closeCode = TOKEN_ENDED_CLOSE_CODE;
  /** As on the api's refusal of an ended token's call. */
  readonly data = { code: 'UNAUTHORIZED', reason: 'TOKEN_REFUSED' } as const satisfies {
    code: string;
    reason: ErrorReason;
  };

  constructor() {
    super(
      'The Tracershop api closed the live connection: the API token has ended (revoked or expired). Create a new token.',
    );
    this.name = 'TokenEndedError';
  }
}

/**
 * The api's reason for a refusal (`error.data.reason`), e.g. `'TOKEN_READ_ONLY'` for a
 * read-only token's mutation; null for errors the api did not answer (network) and for
 * anything else.
 */
export function reasonOf(error: unknown): ErrorReason | null {
  if (error instanceof TokenEndedError) {
    return error.data.reason;
  }
  if (!isTracershopError(error)) {
    return null;
  }
  const reason: unknown = (error.data as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? (reason as ErrorReason) : null;
}
