/**
 * The recall page's reads: the trace of a lot or batch number (`recall.trace`), the lots of an
 * order (`recall.lotsOfOrder`), and the addresses of the trace's PDF and Excel exports (each
 * download is audited by the api).
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { skipToken, useQuery } from '@tanstack/react-query';

export type LotTrace = RouterOutputs['recall']['trace'];

export function useLotTrace(lot: string | null) {
  const trpc = useTRPC();
  return useQuery(trpc.recall.trace.queryOptions(lot === null ? skipToken : { lot }));
}

export type RecallOrderKind = RouterInputs['recall']['lotsOfOrder']['kind'];

/** The lots an order went out with (`recall.lotsOfOrder`), once an order is asked for. */
export function useLotsOfOrder(order: { kind: RecallOrderKind; id: number } | null) {
  const trpc = useTRPC();
  return useQuery(trpc.recall.lotsOfOrder.queryOptions(order ?? skipToken));
}

export function recallReportHref(lot: string, format: 'pdf' | 'xlsx'): string {
  return `/documents/recall/${encodeURIComponent(lot)}.${format}`;
}
