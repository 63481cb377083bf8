/**
 * What the apps read from a refused call: the api's stable `reason` and its message, which
 * the api already writes in Danish (errors.ts), so the apps show it as it is.
 */
import type { ErrorReason } from '@tracershop/api';

interface ReasonedData {
  reason?: unknown;
}

function dataOf(error: unknown): ReasonedData | null {
  if (typeof error !== 'object' || error === null || !('data' in error)) {
    return null;
  }
  const data = (error as { data: unknown }).data;
  return typeof data === 'object' && data !== null ? (data as ReasonedData) : null;
}

/** The api's reason of a refusal, or null for other errors (network, bugs). */
export function reasonOf(error: unknown): ErrorReason | null {
  const reason = dataOf(error)?.reason;
  return typeof reason === 'string' ? (reason as ErrorReason) : null;
}

/** The text to show for a failed call. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message !== '') {
    return error.message;
  }
  return String(error);
}

/** The api refuses a client of another version: the app must reload. */
export function isVersionMismatch(error: unknown): boolean {
  return reasonOf(error) === 'VERSION_MISMATCH';
}
