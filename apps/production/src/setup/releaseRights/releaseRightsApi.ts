/**
 * Release rights ("Frigivelse rettigheder"): `setup.releaseRights.list`, grant and revoke. The
 * api refuses a grant to oneself (unless site admin) and to anyone outside production; its
 * refusal is shown in the user's language.
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
    remove: useSetupWrite(setup.releaseRights.delete.mutationOptions(), rights),
  };
}
