/**
 * What a document producer needs besides its ids: who may see whose documents (the routes
 * pass the caller's customer scope; the printing service passes nothing), and what comes out.
 */
import type { TRPCError } from '@trpc/server';
import { apiError } from '../errors';
import type { Writer } from '../recordWrites';

export interface DocumentAccess {
  /** Checks, once a document's customer is known, that the caller may see it. */
  assertCustomer(customerId: number): void;
  /** Who asks (audited exports name them); null for the system (printing). */
  user: Writer['user'];
}

/** No limit: production-side callers (printing). */
export const UNLIMITED_ACCESS: DocumentAccess = { assertCustomer: () => undefined, user: null };

/** A rendered document with the file name it is served under. */
export interface RenderedDocument {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const PDF_TYPE = 'application/pdf';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** NOT_FOUND ("<entity> findes ikke.") for a missing row or release. */
export function notFound(entity: string): TRPCError {
  return apiError('NOT_FOUND', { entity });
}
