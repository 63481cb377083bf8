/** The writes of the "Isotoper" set-up page; the page reads `setup.catalog` (`useCatalog`). */
import type { IsotopeCreateInput, IsotopeEditInput } from '@tracershop/core';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useSetupWrite } from '../setupWrites';

const CATALOG = apiQueryKey('setup.catalog');

export function useIsotopeWrites() {
  const { client } = useApi();
  const create = useSetupWrite(
    (input: IsotopeCreateInput) => client.setup.isotopes.create.mutate(input),
    CATALOG,
  );
  const edit = useSetupWrite(
    (input: IsotopeEditInput) => client.setup.isotopes.edit.mutate(input),
    CATALOG,
  );
  return { create, edit };
}
