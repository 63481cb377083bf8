/**
 * The writes of the "Tracer" set-up page: tracers (create, edit, archive / restore) and the
 * catalogue of an injection tracer (which endpoints may order it). The page reads
 * `setup.catalog` (`useCatalog`); every write refreshes it at once (the live event follows).
 */
import type { AppRouter } from '@tracershop/api';
import type { TracerCreateInput, TracerEditInput } from '@tracershop/core';
import { apiQueryKey, useApi } from '@tracershop/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useSetupWrite } from '../setupWrites';

type Catalog = inferRouterOutputs<AppRouter>['setup']['catalog'];
export type CatalogTracer = Catalog['tracers'][number];

const CATALOG = apiQueryKey('setup.catalog');

export function useTracerWrites() {
  const { client } = useApi();
  const create = useSetupWrite(
    (input: TracerCreateInput) => client.setup.tracers.create.mutate(input),
    CATALOG,
  );
  const edit = useSetupWrite(
    (input: TracerEditInput) => client.setup.tracers.edit.mutate(input),
    CATALOG,
  );
  const archive = useSetupWrite(
    (input: { id: number; archived: boolean }) => client.setup.tracers.archive.mutate(input),
    CATALOG,
  );
  return { create, edit, archive };
}

/** "Kan bestille": grant (a catalogue page) or revoke (delete the page). */
export function useCatalogPageWrites() {
  const { client } = useApi();
  const grant = useSetupWrite(
    (input: { endpointId: number; tracerId: number }) =>
      client.setup.catalogPages.create.mutate(input),
    CATALOG,
  );
  const revoke = useSetupWrite(
    (pageId: number) => client.setup.catalogPages.delete.mutate({ id: pageId }),
    CATALOG,
  );
  return { grant, revoke };
}
