/**
 * "Lukke dage": the closed dates around the shown month (`setup.catalog` with a date gives
 * the closed dates within the server's date range of it) and the toggle of one date.
 */
import { apiQueryKey, useApi } from '@tracershop/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSetupWrite } from '../setupWrites';

export function useClosedDatesAround(date: string) {
  const { client } = useApi();
  const input = { date };
  return useQuery({
    queryKey: apiQueryKey('setup.catalog', input),
    queryFn: () => client.setup.catalog.query(input),
    select: (catalog) => catalog.closedDates.map((closed) => closed.closeDate),
    placeholderData: keepPreviousData,
  });
}

export function useToggleClosedDate() {
  const { client } = useApi();
  return useSetupWrite((date: string) => client.setup.closedDates.toggle.mutate({ date }));
}
