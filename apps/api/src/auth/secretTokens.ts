/**
 * The secrets callers present — session cookies and API tokens — are 256-bit random values of
 * which the server keeps only the SHA-256, so that a copy of the web database signs nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new 256-bit random secret, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a secret: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
