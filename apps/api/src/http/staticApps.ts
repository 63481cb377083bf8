/**
 * Serving the two built web apps: `/shop/` and `/production/`, each a single-page app with
 * a fallback to its index.html. Hashed assets (Vite's `assets/`) are cached for a year;
 * index.html never, so a new version is picked up at once. `/favicon.ico` at the root is the
 * apps' icon too, for what browsers show without an app page (documents, error answers).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticApp {
  /** URL prefix with slashes, e.g. '/shop/'. */
  prefix: string;
  /** The app's build folder (with index.html). */
  directory: string;
}

async function fileExists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function send(res: ServerResponse, file: string, cache: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cache);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  createReadStream(file).pipe(res);
}

/** Serves `req` from `app` if the path is under its prefix; returns whether it did. */
export async function serveStaticApp(
  app: StaticApp,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  if (pathname === app.prefix.slice(0, -1)) {
    // Keep the query: links like /shop?date=… must arrive with their parameters.
    const search = new URL(req.url ?? '/', 'http://localhost').search;
    res.statusCode = 308;
    res.setHeader('Location', `${app.prefix}${search}`);
    res.end();
    return true;
  }
  if (!pathname.startsWith(app.prefix)) {
    return false;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405;
    res.end();
    return true;
  }
  const root = path.resolve(app.directory);
  const relative = decodeURIComponent(pathname.slice(app.prefix.length));
  const candidate = path.resolve(root, relative);
  if (candidate.startsWith(root + path.sep) && (await fileExists(candidate))) {
    const hashed = relative.startsWith('assets/');
    send(res, candidate, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    return true;
  }
  // Unknown asset files are 404; any other path is a client-side route of the app.
  if (path.extname(relative) !== '' && relative.startsWith('assets/')) {
    res.statusCode = 404;
    res.end();
    return true;
  }
  const index = path.join(root, 'index.html');
  if (!(await fileExists(index))) {
    res.statusCode = 503;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('This app is not built yet: run `npm run build`.');
    return true;
  }
  send(res, index, 'no-cache');
  return true;
}

/** The site's `/favicon.ico`: the first app's icon. Returns whether it served one. */
export async function serveSiteIcon(
  apps: readonly StaticApp[],
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  if (pathname !== '/favicon.ico' || (req.method !== 'GET' && req.method !== 'HEAD')) {
    return false;
  }
  for (const app of apps) {
    const icon = path.join(path.resolve(app.directory), 'favicon.ico');
    if (await fileExists(icon)) {
      send(res, icon, 'no-cache');
      return true;
    }
  }
  return false;
}
