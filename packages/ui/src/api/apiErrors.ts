/**
 * What the apps read from a refused call: the api's stable `reason` and its parameters. Every
 * refusal is written in the user's language from the `reasons` texts (Danish and English;
 * a test keeps them complete against the api's reasons); parameters that are machine values
 * (an entity's model name, a refusal or printer kind) become words from `reasonWords`, and
 * `{{Entity}}` is the word capitalised for the start of a sentence. When the server could not
 * be reached, the text says that it is unknown whether the request was carried out.
 */
import type { ErrorReason } from '@tracershop/api';
import type { i18n as I18n } from 'i18next';
import { runtimeText } from '../i18n/textKeys';

interface ReasonedData {
  reason?: unknown;
  params?: unknown;
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

/**
 * Whether the api answered: a refusal with a reason. Anything else (the network failed, a
 * proxy answered for a stopped server) leaves open whether the request was carried out.
 */
export function isAnswered(error: unknown): boolean {
  return reasonOf(error) !== null;
}

/** A tRPC client error, which carries `data` when the api answered. */
function isApiCallError(error: unknown): boolean {
  return error instanceof Error && error.name === 'TRPCClientError';
}

let texts: I18n | null = null;

/** The parameters of a refusal as its text fills them in (see the header). */
function reasonValues(i18n: I18n, params: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (typeof params !== 'object' || params === null) {
    return values;
  }
  for (const [name, value] of Object.entries(params)) {
    const word = runtimeText(i18n, `reasonWords.${name}.${String(value)}`) ?? value;
    values[name] = word;
    if (typeof word === 'string') {
      values[name.charAt(0).toUpperCase() + name.slice(1)] =
        word.charAt(0).toUpperCase() + word.slice(1);
    }
  }
  return values;
}

/** The app's i18n instance, for the texts of `messageOf` (createI18n sets it). */
export function setErrorTexts(instance: I18n): void {
  texts = instance;
}

/** The text to show for a failed call, in the user's language where the app has one. */
export function messageOf(error: unknown): string {
  const reason = reasonOf(error);
  if (texts !== null) {
    if (reason !== null && texts.exists(`reasons.${reason}`)) {
      return texts.t(`reasons.${reason}`, reasonValues(texts, dataOf(error)?.params));
    }
    if (reason === null && isApiCallError(error)) {
      return texts.t('reasons.UNREACHABLE');
    }
  }
  if (error instanceof Error && error.message !== '') {
    return error.message;
  }
  return String(error);
}

/** Reasons of a figure above a tracer's plausibility limit (production may override). */
const LIMIT_REASONS: ReadonlySet<string> = new Set([
  'LIMIT_ACTIVITY_PER_ORDER',
  'LIMIT_ACTIVITY_PER_DELIVERY',
  'LIMIT_INJECTIONS_PER_ORDER',
] satisfies ErrorReason[]);

/** The api refused a figure above a tracer's plausibility limit. */
export function isLimitRefusal(error: unknown): boolean {
  return LIMIT_REASONS.has(reasonOf(error) ?? '');
}

/** The api refuses a call of a session that has ended: the user must log in again. */
export function isSessionEnded(error: unknown): boolean {
  return reasonOf(error) === 'UNAUTHENTICATED';
}

/** The api refuses a client of another version: the app must reload. */
export function isVersionMismatch(error: unknown): boolean {
  return reasonOf(error) === 'VERSION_MISMATCH';
}
