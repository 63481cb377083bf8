/**
 * The recall page's read: the trace of a lot or batch number (`recall.trace`), and the
 * addresses of its PDF and Excel exports (each download is audited by the api).
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { skipToken, useQuery } from '@tanstack/react-query';

export type LotTrace = RouterOutputs['recall']['trace'];

export function useLotTrace(lot: string | null) {
  const trpc = useTRPC();
  return useQuery(trpc.recall.trace.queryOptions(lot === null ? skipToken : { lot }));
}

export function recallReportHref(lot: string, format: 'pdf' | 'xlsx'): string {
  return `/documents/recall/${encodeURIComponent(lot)}.${format}`;
}
