/**
 * The writes of "Produktioner": activity productions (`setup.productions.*`) and isotope
 * productions (`setup.isotopeProductions.*`). Reads come from `setup.catalog`.
 */
import type { RouterInputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useSetupWrite } from '../setupWrites';

type SetupInputs = RouterInputs['setup'];
export type ProductionCreate = SetupInputs['productions']['create'];
export type ProductionEdit = SetupInputs['productions']['edit'];
export type IsotopeProductionCreate = SetupInputs['isotopeProductions']['create'];
export type IsotopeProductionEdit = SetupInputs['isotopeProductions']['edit'];

export function useProductionWrites() {
  const { setup } = useTRPC();
  return {
    createProduction: useSetupWrite(setup.productions.create.mutationOptions()),
    editProduction: useSetupWrite(setup.productions.edit.mutationOptions()),
    deleteProduction: useSetupWrite(setup.productions.delete.mutationOptions()),
    createIsotopeProduction: useSetupWrite(setup.isotopeProductions.create.mutationOptions()),
    editIsotopeProduction: useSetupWrite(setup.isotopeProductions.edit.mutationOptions()),
    deleteIsotopeProduction: useSetupWrite(setup.isotopeProductions.delete.mutationOptions()),
  };
}
