/**
 * The writes of the "Tracer" set-up page: tracers (create, edit, archive / restore, delete) and the
 * catalogue of an injection tracer (which endpoints may order it). The page reads
 * `setup.catalog` (`useCatalog`); every write refreshes it at once (the live event follows).
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useSetupWrite } from '../setupWrites';

export type CatalogTracer = RouterOutputs['setup']['catalog']['tracers'][number];

export function useTracerWrites() {
  const { setup } = useTRPC();
  const catalog = setup.catalog.pathFilter();
  return {
    create: useSetupWrite(setup.tracers.create.mutationOptions(), catalog),
    edit: useSetupWrite(setup.tracers.edit.mutationOptions(), catalog),
    archive: useSetupWrite(setup.tracers.archive.mutationOptions(), catalog),
    remove: useSetupWrite(setup.tracers.delete.mutationOptions(), catalog),
  };
}

/** "Kan bestille": grant (a catalogue page) or revoke (delete the page). */
export function useCatalogPageWrites() {
  const { setup } = useTRPC();
  const catalog = setup.catalog.pathFilter();
  return {
    grant: useSetupWrite(setup.catalogPages.create.mutationOptions(), catalog),
    revoke: useSetupWrite(setup.catalogPages.delete.mutationOptions(), catalog),
  };
}
