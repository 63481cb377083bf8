/**
 * Release rights ("Frigivelse rettigheder"): `setup.releaseRights.list`, grant and revoke. The
 * api refuses a grant to oneself (unless site admin) and to anyone outside production; its
 * Danish message is shown as it is.
 */
import type { AppRouter } from '@tracershop/api';
import type { ReleaseRightCreateInput } from '@tracershop/core';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useSetupWrite } from '../setupWrites';

export type ReleaseRight = inferRouterOutputs<AppRouter>['setup']['releaseRights']['list'][number];

const RIGHTS = apiQueryKey('setup.releaseRights.list');

export function useReleaseRights() {
  const { client } = useApi();
  return useQuery({ queryKey: RIGHTS, queryFn: () => client.setup.releaseRights.list.query() });
}

export function useReleaseRightWrites() {
  const { client } = useApi();
  const create = useSetupWrite(
    (input: ReleaseRightCreateInput) => client.setup.releaseRights.create.mutate(input),
    RIGHTS,
  );
  const remove = useSetupWrite(
    (id: number) => client.setup.releaseRights.delete.mutate({ id }),
    RIGHTS,
  );
  return { create, remove };
}
