import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiServices } from '../trpc/context';

/** Serves `/documents/...`; returns whether it handled the request. */
export async function serveDocument(
  _services: ApiServices,
  _req: IncomingMessage,
  _res: ServerResponse,
  _pathname: string,
): Promise<boolean> {
  return false;
}
