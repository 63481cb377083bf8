/**
 * Where Prometheus reads the metrics (docs/operations.md, "Monitoring"): `/metrics` on the
 * main port for a caller with `Authorization: Bearer <TRACERSHOP_METRICS_TOKEN>`, and/or a
 * small listener of its own at `TRACERSHOP_METRICS_BIND` that serves only `/metrics`, without
 * a token, for a monitoring network. With neither set nothing serves them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { secretsMatch } from '../auth/trustedProxy';
import type { MetricsBind } from '../config';
import type { ApiMetrics } from './apiMetrics';

export const METRICS_PATH = '/metrics';

/** The token of an `Authorization: Bearer <token>` header, or null. */
function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

function answer(res: http.ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

async function sendMetrics(
  metrics: ApiMetrics,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    answer(res, 405, 'method not allowed\n');
    return;
  }
  const { contentType, text } = await metrics.exposition();
  res.statusCode = 200;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-store');
  res.end(req.method === 'HEAD' ? undefined : text);
}

/**
 * `/metrics` on the main port: 404 when no token is configured (as if there were no such
 * path), 401 without the right bearer token (compared in constant time).
 */
export async function serveMetricsWithToken(
  metrics: ApiMetrics,
  token: string | null,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (token === null) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ error: 'not found' }));
    return;
  }
  const given = bearerToken(req.headers.authorization);
  // Compared even when absent, so a missing header takes as long as a wrong one.
  const matches = secretsMatch(given ?? '', token);
  if (given === null || !matches) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="tracershop metrics"');
    answer(res, 401, 'unauthorized\n');
    return;
  }
  await sendMetrics(metrics, req, res);
}

export interface MetricsListener {
  /** `http://host:port` it listens on. */
  url: string;
  close(): Promise<void>;
}

/** The listener of `TRACERSHOP_METRICS_BIND`: `/metrics` only, no token. */
export async function startMetricsListener(
  metrics: ApiMetrics,
  bind: MetricsBind,
  log: Logger,
): Promise<MetricsListener> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== METRICS_PATH) {
      answer(res, 404, 'not found\n');
      return;
    }
    sendMetrics(metrics, req, res).catch((error: unknown) => {
      log.error({ err: error }, 'metrics failed');
      if (!res.headersSent) {
        answer(res, 500, 'metrics failed\n');
      } else {
        res.end();
      }
    });
  });
  // Prometheus keeps its connection open between scrapes; it must not hold up a stop.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(bind.port, bind.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info({ url: `${url}${METRICS_PATH}` }, 'metrics listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
