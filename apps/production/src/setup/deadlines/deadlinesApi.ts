/**
 * The writes of "Deadlines" (`setup.deadlines.*`); the rows come from `setup.catalog`.
 * Setting `appliesTo` makes a deadline the global activity or injection deadline.
 */
import type { AppRouter } from '@tracershop/api';
import { useApi } from '@tracershop/ui';
import type { inferRouterInputs } from '@trpc/server';
import { useSetupWrite } from '../setupWrites';

type SetupInputs = inferRouterInputs<AppRouter>['setup'];
export type DeadlineCreate = SetupInputs['deadlines']['create'];
export type DeadlineEdit = SetupInputs['deadlines']['edit'];

export function useDeadlineWrites() {
  const { client } = useApi();
  return {
    createDeadline: useSetupWrite((input: DeadlineCreate) =>
      client.setup.deadlines.create.mutate(input),
    ),
    editDeadline: useSetupWrite((input: DeadlineEdit) => client.setup.deadlines.edit.mutate(input)),
    deleteDeadline: useSetupWrite((id: number) => client.setup.deadlines.delete.mutate({ id })),
  };
}
