/**
 * "Lukke dage": the closed dates around the shown month (`setup.catalog` with a date gives
 * the closed dates within the server's date range of it) and the toggle of one date.
 */
import { useTRPC } from '@tracershop/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSetupWrite } from '../setupWrites';

export function useClosedDatesAround(date: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.setup.catalog.queryOptions(
      { date },
      {
        select: (catalog) => catalog.closedDates.map((closed) => closed.closeDate),
        placeholderData: keepPreviousData,
      },
    ),
  );
}

export function useToggleClosedDate() {
  const trpc = useTRPC();
  return useSetupWrite(trpc.setup.closedDates.toggle.mutationOptions());
}
