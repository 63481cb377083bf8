/**
 * The options of `createTracershopClient` and their check: a script that passes a wrong address
 * or something that is not an API token learns so at once, in words, before any request.
 */

/** Every API token starts with this (the api's `API_TOKEN_PREFIX`). */
export const TOKEN_PREFIX = 'tsk_';

/** What `createTracershopClient` needs to reach a site. */
export interface TracershopClientOptions {
  /**
   * The site's address, as in the browser: `'https://tracershop.example'` (a path prefix such
   * as `'https://intranet.example/tracershop'` is kept; the api is under `<url>/trpc`).
   */
  url: string;
  /**
   * An API token, `'tsk_…'`, created by the site admin (Admin → API tokens) or with
   * `tracershop token create`. Sent as `Authorization: Bearer …` on every request and on the
   * WebSocket; never printed in an error.
   */
  token: string;
}

/** The checked options: the api's HTTP and WebSocket addresses and the token. */
export interface ResolvedClientOptions {
  /** `<url>/trpc` with http: or https:. */
  httpUrl: string;
  /** `<url>/trpc` with ws: or wss:. */
  wsUrl: string;
  token: string;
}

/** Options `createTracershopClient` refuses, with what is wrong in the message. */
export class TracershopOptionsError extends TypeError {
  constructor(message: string) {
    super(`createTracershopClient: ${message}`);
    this.name = 'TracershopOptionsError';
  }
}

/** base64url after the prefix, as the api hands tokens out. */
const TOKEN_PATTERN = /^tsk_[A-Za-z0-9_-]+$/;

/**
 * Checks `options` and derives the api's addresses. Throws `TracershopOptionsError` when the
 * url is not an http(s) address or the token is not an API token (the token itself is never
 * part of the message). Surrounding white space, as a token read from a file has, is ignored.
 */
export function resolveClientOptions(options: unknown): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TracershopOptionsError('give the options { url, token }.');
  }
  const { url, token } = options as Partial<Record<keyof TracershopClientOptions, unknown>>;

  if (typeof url !== 'string' || url.trim() === '') {
    throw new TracershopOptionsError(
      "url is missing: give the site's address, e.g. 'https://tracershop.example'.",
    );
  }
  let address: URL;
  try {
    address = new URL(url.trim());
  } catch {
    throw new TracershopOptionsError(
      `url ${JSON.stringify(url)} is not an address: give e.g. 'https://tracershop.example'.`,
    );
  }
  if (address.protocol !== 'http:' && address.protocol !== 'https:') {
    throw new TracershopOptionsError(
      `url must start with http:// or https://, not ${address.protocol}//.`,
    );
  }
  if (address.username !== '' || address.password !== '') {
    throw new TracershopOptionsError(
      'url must not carry a user name or password: the token is the credential.',
    );
  }
  if (address.search !== '' || address.hash !== '') {
    throw new TracershopOptionsError("url must be the site's address without ?query or #fragment.");
  }

  if (typeof token !== 'string' || token.trim() === '') {
    throw new TracershopOptionsError(
      'token is missing: create an API token (Admin → API tokens, or `tracershop token create`).',
    );
  }
  const trimmed = token.trim();
  if (!trimmed.startsWith(TOKEN_PREFIX)) {
    throw new TracershopOptionsError(
      `token is not a Tracershop API token: those start with "${TOKEN_PREFIX}" (a password or session cookie does not work here).`,
    );
  }
  if (!TOKEN_PATTERN.test(trimmed)) {
    throw new TracershopOptionsError(
      `token is damaged: after "${TOKEN_PREFIX}" it holds only letters, digits, "-" and "_" (was it cut when copied?).`,
    );
  }

  const base = `${address.origin}${address.pathname.replace(/\/+$/, '')}`;
  return {
    httpUrl: `${base}/trpc`,
    wsUrl: `${base.replace(/^http/, 'ws')}/trpc`,
    token: trimmed,
  };
}
