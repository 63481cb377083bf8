/**
 * The vial page's reads and writes: every vial filled within the window around the chosen
 * date (all pages of `vials.list`), the rescan of the dispenser folder, the label print, the
 * owner of a vial without one and the delete of an unassigned vial. The list is kept under the
 * `vials.list` key, so a live Vial event refreshes it.
 */
import type { RouterOutputs } from '@tracershop/api';
import { addDays } from '@tracershop/core';
import { useTRPC, useTRPCClient } from '@tracershop/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

type Outputs = RouterOutputs;
export type VialRow = Outputs['vials']['list']['vials'][number];
export type RescanCounts = Outputs['vials']['rescan'];

/**
 * Days either side of the chosen date whose vials are loaded (the legacy's default window,
 * `DateRange` = 64 days).
 */
export const VIAL_WINDOW_DAYS = 64;

/** Rows asked for per call: the api's largest page. */
const PAGE_SIZE = 1000;

/** The fill-date window around `date`. */
export function vialWindowOf(date: string): { from: string; to: string } {
  return { from: addDays(date, -VIAL_WINDOW_DAYS), to: addDays(date, VIAL_WINDOW_DAYS) };
}

/** Every vial filled within the window around `date`, page by page. */
export function useVialsAround(date: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const range = vialWindowOf(date);
  return useQuery({
    queryKey: trpc.vials.list.queryKey(range),
    queryFn: async () => {
      const vials: VialRow[] = [];
      let offset: number | null = 0;
      while (offset !== null) {
        const page: Outputs['vials']['list'] = await client.vials.list.query({
          ...range,
          limit: PAGE_SIZE,
          offset,
        });
        vials.push(...page.vials);
        offset = page.nextOffset;
      }
      return vials;
    },
    placeholderData: (previous) => previous,
  });
}

/** "Hent manglende glas": import the dispenser files waiting in the watched folder now. */
export function useRescanVials() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.vials.rescan.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.vials.list.pathFilter()),
    }),
  );
}

/** "Print etiket": the vial's label on the active label printer. */
export function usePrintVialLabel() {
  const trpc = useTRPC();
  return useMutation(trpc.printing.vialLabel.mutationOptions());
}

/**
 * "Angiv ejer": the customer of a vial whose dispenser number matched no customer — a vial
 * edit (`vials.edit` with `customerId` and the reason every vial edit needs). The saved row
 * replaces the one in the loaded lists at once (the live Vial event refreshes them too), and
 * the release modal's vials are read again, where the vial is now offered to its customer.
 */
export function useSetVialOwner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.vials.edit.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueriesData<VialRow[]>(trpc.vials.list.pathFilter(), (rows) =>
          rows?.map((row) => (row.id === saved.id ? saved : row)),
        );
        await queryClient.invalidateQueries(trpc.vials.forSlot.pathFilter());
      },
    }),
  );
}

/**
 * "Slet" of a vial not assigned to an order (`vials.delete`, audited; the api refuses an
 * assigned one with VIAL_ASSIGNED). The deleted row leaves the loaded lists at once (the live
 * Vial event refreshes them too), and the release modal's vials are read again.
 */
export function useDeleteVial() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.vials.delete.mutationOptions({
      onSuccess: async (deleted) => {
        queryClient.setQueriesData<VialRow[]>(trpc.vials.list.pathFilter(), (rows) =>
          rows?.filter((row) => row.id !== deleted.id),
        );
        await queryClient.invalidateQueries(trpc.vials.forSlot.pathFilter());
      },
    }),
  );
}
