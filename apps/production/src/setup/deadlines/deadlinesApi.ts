/**
 * The writes of "Deadlines" (`setup.deadlines.*`); the rows come from `setup.catalog`.
 * Setting `appliesTo` makes a deadline the global activity or injection deadline.
 */
import type { RouterInputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useSetupWrite } from '../setupWrites';

type SetupInputs = RouterInputs['setup'];
export type DeadlineCreate = SetupInputs['deadlines']['create'];
export type DeadlineEdit = SetupInputs['deadlines']['edit'];

export function useDeadlineWrites() {
  const { setup } = useTRPC();
  return {
    createDeadline: useSetupWrite(setup.deadlines.create.mutationOptions()),
    editDeadline: useSetupWrite(setup.deadlines.edit.mutationOptions()),
    deleteDeadline: useSetupWrite(setup.deadlines.delete.mutationOptions()),
  };
}
