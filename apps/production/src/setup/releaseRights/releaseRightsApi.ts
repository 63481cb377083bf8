/**
 * Release rights ("Frigivelse rettigheder"): `setup.releaseRights.list`, grant (a tracer or an
 * isotope), change the expiry and revoke. The api refuses a grant or change of one's own right
 * (unless site admin) and a grant to anyone outside production; its refusal is shown in the
 * user's language.
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useQuery } from '@tanstack/react-query';
import { useSetupWrite } from '../setupWrites';

export type ReleaseRight = RouterOutputs['setup']['releaseRights']['list'][number];

export function useReleaseRights() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.releaseRights.list.queryOptions());
}

export function useReleaseRightWrites() {
  const { setup } = useTRPC();
  const rights = setup.releaseRights.list.pathFilter();
  return {
    create: useSetupWrite(setup.releaseRights.create.mutationOptions(), rights),
    edit: useSetupWrite(setup.releaseRights.edit.mutationOptions(), rights),
    remove: useSetupWrite(setup.releaseRights.delete.mutationOptions(), rights),
  };
}
