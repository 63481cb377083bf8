/**
 * The writes of "Levering og Kunder": customers, endpoints, catalog pages (the overhead),
 * activity delivery slots and isotope deliveries. Reads come from `setup.catalog`
 * (`useCatalog`); each write refreshes the set-up reads.
 */
import type { RouterInputs } from '@tracershop/api';
import { useTRPC, useTRPCClient } from '@tracershop/ui';
import { useMutation } from '@tanstack/react-query';
import { useSetupRefresh, useSetupWrite } from '../setupWrites';

type SetupInputs = RouterInputs['setup'];
export type CustomerCreate = SetupInputs['customers']['create'];
export type CustomerEdit = SetupInputs['customers']['edit'];
export type EndpointCreate = SetupInputs['endpoints']['create'];
export type EndpointEdit = SetupInputs['endpoints']['edit'];
export type CatalogPageCreate = SetupInputs['catalogPages']['create'];
export type CatalogPageEdit = SetupInputs['catalogPages']['edit'];
export type SlotCreate = SetupInputs['deliverySlots']['create'];
export type SlotEdit = SetupInputs['deliverySlots']['edit'];
export type IsotopeDeliveryCreate = SetupInputs['isotopeDeliveries']['create'];
export type IsotopeDeliveryEdit = SetupInputs['isotopeDeliveries']['edit'];

/**
 * A new customer and its endpoint of the same name (legacy "+" under "Kunde Filter"). Two
 * calls, so the plain client; refreshed even on failure: the customer may exist when only its
 * endpoint was refused.
 */
export function useCreateCustomer() {
  const client = useTRPCClient();
  const refresh = useSetupRefresh();
  return useMutation({
    mutationFn: async (shortName: string) => {
      const customer = await client.setup.customers.create.mutate({ shortName });
      await client.setup.endpoints.create.mutate({ customerId: customer.id, name: shortName });
      return customer;
    },
    onSettled: refresh,
  });
}

export function useCustomerWrites() {
  const { setup } = useTRPC();
  return {
    editCustomer: useSetupWrite(setup.customers.edit.mutationOptions()),
    createEndpoint: useSetupWrite(setup.endpoints.create.mutationOptions()),
    editEndpoint: useSetupWrite(setup.endpoints.edit.mutationOptions()),
    deleteEndpoint: useSetupWrite(setup.endpoints.delete.mutationOptions()),
    createCatalogPage: useSetupWrite(setup.catalogPages.create.mutationOptions()),
    editCatalogPage: useSetupWrite(setup.catalogPages.edit.mutationOptions()),
  };
}

export function useDeliveryWrites() {
  const { setup } = useTRPC();
  return {
    createSlot: useSetupWrite(setup.deliverySlots.create.mutationOptions()),
    editSlot: useSetupWrite(setup.deliverySlots.edit.mutationOptions()),
    deleteSlot: useSetupWrite(setup.deliverySlots.delete.mutationOptions()),
    createIsotopeDelivery: useSetupWrite(setup.isotopeDeliveries.create.mutationOptions()),
    editIsotopeDelivery: useSetupWrite(setup.isotopeDeliveries.edit.mutationOptions()),
    deleteIsotopeDelivery: useSetupWrite(setup.isotopeDeliveries.delete.mutationOptions()),
  };
}
