/**
 * The writes of the "Undersøgelser" set-up page (`setup.procedureIdentifiers.*`, the site
 * admin's); the page reads the study identifiers from `setup.catalog` (`useCatalog`).
 */
import { useTRPC } from '@tracershop/ui';
import type { Catalog } from '../../productionApi';
import { useSetupWrite } from '../setupWrites';

/** A RIS study type: code, description and whether it is a PET study. */
export type StudyIdentifier = Catalog['procedureIdentifiers'][number];

export function useStudyWrites() {
  const { setup } = useTRPC();
  const catalog = setup.catalog.pathFilter();
  const identifiers = setup.procedureIdentifiers;
  return {
    create: useSetupWrite(identifiers.create.mutationOptions(), catalog),
    edit: useSetupWrite(identifiers.edit.mutationOptions(), catalog),
    remove: useSetupWrite(identifiers.delete.mutationOptions(), catalog),
  };
}
