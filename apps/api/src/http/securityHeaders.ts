/**
 * The security headers of every response the api serves (pages, calls, documents, errors):
 * the apps run only their own scripts and styles and talk only to their own server; no page
 * of Tracershop may be framed (clickjacking of a release button); browsers must not guess
 * content types; addresses do not leak to other sites; and behind HTTPS (secure cookies on)
 * browsers keep to HTTPS. docs/operations.md lists them.
 */
import type { ServerResponse } from 'node:http';

/**
 * 'self' covers the server's own ws:/wss: address too (CSP level 3). Images may be data:
 * URLs (the apps' inline icons); nothing else is needed from anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Two years: what browsers' HSTS preload lists expect; only sent behind HTTPS. */
const STRICT_TRANSPORT_SECURITY = 'max-age=63072000';

export function setSecurityHeaders(res: ServerResponse, secure: boolean): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (secure) {
    res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  }
}
