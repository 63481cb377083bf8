/** The writes of the "Isotoper" set-up page; the page reads `setup.catalog` (`useCatalog`). */
import { useTRPC } from '@tracershop/ui';
import { useSetupWrite } from '../setupWrites';

export function useIsotopeWrites() {
  const { setup } = useTRPC();
  const catalog = setup.catalog.pathFilter();
  return {
    create: useSetupWrite(setup.isotopes.create.mutationOptions(), catalog),
    edit: useSetupWrite(setup.isotopes.edit.mutationOptions(), catalog),
    remove: useSetupWrite(setup.isotopes.delete.mutationOptions(), catalog),
  };
}
