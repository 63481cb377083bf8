/**
 * `GET /documents/...`: the release documents, the vial label and the monthly export over
 * plain HTTP (the apps open them in a new window, like the legacy). Unlike the legacy, every
 * route checks the session (401), the role matrix (403 FORBIDDEN_ROLE), the customer scope of
 * shop users (403 NOT_ASSIGNED) and answers 404 for missing rows and unreleased orders.
 *
 * | path                                                              | action           |
 * | ----------------------------------------------------------------- | ---------------- |
 * | `/documents/activity-certificate/<slotId>/<date>/<releaseId>.pdf` | document.read    |
 * | `/documents/injection-release/<orderId>.pdf`                      | document.read    |
 * | `/documents/isotope-release/<deliveryId>/<date>.pdf`              | document.read    |
 * | `/documents/vial-label/<vialId>.pdf`                              | vial.read        |
 * | `/documents/monthly-export/<YYYY-MM>.xlsx`                        | export.monthly   |
 * | `/documents/recall/<lot>.pdf` and `.xlsx` (the lot URL-encoded)   | recall.read      |
 * | `/documents/audit-trail.pdf` and `.csv` (the trail's filter as ?) | admin.audit.read |
 *
 * A release certificate is addressed by its delivery and its release (the release's pivot
 * order id): a delivery that got an order after its release has a certificate per release.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowed } from '@tracershop/core';
import type { Action } from '@tracershop/core';
import { TRPCError } from '@trpc/server';
import { SESSION_COOKIE, readCookie } from '../auth/cookies';
import { assertActsFor } from '../customerScope';
import { ReasonedError, apiError } from '../errors';
import type { ApiServices } from '../services';
import type { DocumentAccess, RenderedDocument } from './documentAccess';
import { PDF_TYPE } from './documentAccess';
import { isCalendarDate } from './documentFormats';
import { injectionReleaseDocument } from './injectionReleaseDocument';
import { isotopeReleaseDocument } from './isotopeReleaseDocument';
import { monthlyExportDocument } from './monthlyExport';
import { auditExportDocument, auditExportQuery } from './auditExport';
import type { AuditExportFormat } from './auditExport';
import { recallReportDocument } from './recallReport';
import type { RecallFormat } from './recallReport';
import { activityCertificateDocument } from './releaseCertificate';
import { vialLabelDocument } from './vialLabel';

interface DocumentRoute {
  pattern: RegExp;
  action: Action;
  produce(
    services: ApiServices,
    parts: readonly string[],
    access: DocumentAccess,
    query: URLSearchParams,
  ): Promise<RenderedDocument>;
}

const ID = '(\\d{1,9})';
const DATE = '(\\d{4}-\\d{2}-\\d{2})';

function idOf(text: string | undefined): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw apiError('INVALID_INPUT');
  }
  return id;
}

function dateOf(text: string | undefined): string {
  if (text === undefined || !isCalendarDate(text)) {
    throw apiError('INVALID_INPUT');
  }
  return text;
}

/** A lot or batch number from the path (URL-encoded), as `recall.trace` takes it. */
function lotOf(text: string | undefined): string {
  let lot: string;
  try {
    lot = decodeURIComponent(text ?? '').trim();
  } catch {
    throw apiError('INVALID_INPUT');
  }
  if (lot === '' || lot.length > 128) {
    throw apiError('INVALID_INPUT');
  }
  return lot;
}

/** The filter of an audit export from the query string (numbers as numbers). */
function auditQueryOf(query: URLSearchParams) {
  const values: Record<string, string | number> = {};
  for (const [name, value] of query) {
    values[name] = ['entityId', 'actorId', 'customerId'].includes(name) ? Number(value) : value;
  }
  const parsed = auditExportQuery.safeParse(values);
  if (!parsed.success) {
    throw apiError('INVALID_INPUT');
  }
  return parsed.data;
}

const routes: readonly DocumentRoute[] = [
  {
    pattern: new RegExp(`^/documents/activity-certificate/${ID}/${DATE}/${ID}\\.pdf$`),
    action: 'document.read',
    produce: (services, [slotId, date, releaseId], access) =>
      activityCertificateDocument(services, idOf(slotId), dateOf(date), idOf(releaseId), access),
  },
  {
    pattern: new RegExp(`^/documents/injection-release/${ID}\\.pdf$`),
    action: 'document.read',
    produce: (services, [orderId], access) =>
      injectionReleaseDocument(services, idOf(orderId), access),
  },
  {
    pattern: new RegExp(`^/documents/isotope-release/${ID}/${DATE}\\.pdf$`),
    action: 'document.read',
    produce: (services, [deliveryId, date], access) =>
      isotopeReleaseDocument(services, idOf(deliveryId), dateOf(date), access),
  },
  {
    pattern: new RegExp(`^/documents/vial-label/${ID}\\.pdf$`),
    action: 'vial.read',
    produce: (services, [vialId]) => vialLabelDocument(services, idOf(vialId)),
  },
  {
    pattern: /^\/documents\/monthly-export\/(\d{4}-\d{2})\.xlsx$/,
    action: 'export.monthly',
    produce: async (services, [month]) => {
      const document = await monthlyExportDocument(services, month ?? '');
      if (document === null) {
        throw apiError('INVALID_INPUT');
      }
      return document;
    },
  },
  {
    pattern: /^\/documents\/recall\/([^/]{1,400})\.(pdf|xlsx)$/,
    action: 'recall.read',
    produce: (services, [lot, format], access) =>
      recallReportDocument(services, lotOf(lot), format as RecallFormat, {
        services,
        user: access.user,
      }),
  },
  {
    pattern: /^\/documents\/audit-trail\.(pdf|csv)$/,
    action: 'admin.audit.read',
    produce: (services, [format], access, query) =>
      auditExportDocument(services, auditQueryOf(query), format as AuditExportFormat, {
        services,
        user: access.user,
      }),
  },
];

/** `Content-Disposition` with an ASCII name and its UTF-8 form (RFC 6266). */
export function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return (
    `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; ` +
    `filename*=UTF-8''${encodeURIComponent(fileName)}`
  );
}

const STATUS_OF_CODE: Partial<Record<TRPCError['code'], number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

function sendError(services: ApiServices, res: ServerResponse, error: unknown): void {
  const status = error instanceof TRPCError ? STATUS_OF_CODE[error.code] : undefined;
  if (status === undefined || !(error instanceof TRPCError)) {
    services.log.error({ err: error }, 'document failed');
  }
  const reason =
    error instanceof TRPCError && error.cause instanceof ReasonedError
      ? error.cause.reason
      : 'INTERNAL';
  const failure = status === undefined ? apiError('INTERNAL') : (error as TRPCError);
  res.statusCode = status ?? 500;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ error: reason, message: failure.message }));
}

function send(res: ServerResponse, document: RenderedDocument, headOnly: boolean): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', document.contentType);
  res.setHeader('Content-Length', String(document.body.length));
  res.setHeader(
    'Content-Disposition',
    contentDisposition(document.fileName, document.contentType === PDF_TYPE),
  );
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(headOnly ? undefined : document.body);
}

/** Serves `/documents/...`; returns whether it handled the request. */
export async function serveDocument(
  services: ApiServices,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  let route: DocumentRoute | undefined;
  let parts: string[] = [];
  for (const candidate of routes) {
    const match = candidate.pattern.exec(pathname);
    if (match !== null) {
      route = candidate;
      parts = match.slice(1);
      break;
    }
  }
  if (route === undefined) {
    return false;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405;
    res.setHeader('Allow', 'GET, HEAD');
    res.end();
    return true;
  }
  try {
    const session = await services.sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (session === null) {
      throw apiError('UNAUTHENTICATED');
    }
    const { user } = session;
    if (user.mustChangePassword === true) {
      throw apiError('PASSWORD_CHANGE_REQUIRED');
    }
    if (!allowed(user.userGroup, route.action)) {
      throw apiError('FORBIDDEN_ROLE');
    }
    const access: DocumentAccess = {
      assertCustomer: (customerId) => assertActsFor(user, customerId),
      user,
    };
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    send(res, await route.produce(services, parts, access, query), req.method === 'HEAD');
  } catch (error) {
    sendError(services, res, error);
  }
  return true;
}
