/**
 * The writes of "Produktioner": activity productions (`setup.productions.*`) and isotope
 * productions (`setup.isotopeProductions.*`). Reads come from `setup.catalog`.
 */
import type { AppRouter } from '@tracershop/api';
import { useApi } from '@tracershop/ui';
import type { inferRouterInputs } from '@trpc/server';
import { useSetupWrite } from '../setupWrites';

type SetupInputs = inferRouterInputs<AppRouter>['setup'];
export type ProductionCreate = SetupInputs['productions']['create'];
export type ProductionEdit = SetupInputs['productions']['edit'];
export type IsotopeProductionCreate = SetupInputs['isotopeProductions']['create'];
export type IsotopeProductionEdit = SetupInputs['isotopeProductions']['edit'];

export function useProductionWrites() {
  const { client } = useApi();
  return {
    createProduction: useSetupWrite((input: ProductionCreate) =>
      client.setup.productions.create.mutate(input),
    ),
    editProduction: useSetupWrite((input: ProductionEdit) =>
      client.setup.productions.edit.mutate(input),
    ),
    deleteProduction: useSetupWrite((id: number) => client.setup.productions.delete.mutate({ id })),
    createIsotopeProduction: useSetupWrite((input: IsotopeProductionCreate) =>
      client.setup.isotopeProductions.create.mutate(input),
    ),
    editIsotopeProduction: useSetupWrite((input: IsotopeProductionEdit) =>
      client.setup.isotopeProductions.edit.mutate(input),
    ),
    deleteIsotopeProduction: useSetupWrite((id: number) =>
      client.setup.isotopeProductions.delete.mutate({ id }),
    ),
  };
}
