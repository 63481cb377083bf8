/**
 * The writes of "Levering og Kunder": customers, endpoints, catalog pages (the overhead),
 * activity delivery slots and isotope deliveries. Reads come from `setup.catalog`
 * (`useCatalog`); each write refreshes the set-up reads.
 */
import type { AppRouter } from '@tracershop/api';
import { useApi } from '@tracershop/ui';
import { useMutation } from '@tanstack/react-query';
import type { inferRouterInputs } from '@trpc/server';
import { useSetupRefresh, useSetupWrite } from '../setupWrites';

type SetupInputs = inferRouterInputs<AppRouter>['setup'];
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
 * A new customer and its endpoint of the same name (legacy "+" under "Kunde Filter"). Refreshed
 * even on failure: the customer may exist when only its endpoint was refused.
 */
export function useCreateCustomer() {
  const { client } = useApi();
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
  const { client } = useApi();
  return {
    editCustomer: useSetupWrite((input: CustomerEdit) => client.setup.customers.edit.mutate(input)),
    createEndpoint: useSetupWrite((input: EndpointCreate) =>
      client.setup.endpoints.create.mutate(input),
    ),
    editEndpoint: useSetupWrite((input: EndpointEdit) => client.setup.endpoints.edit.mutate(input)),
    createCatalogPage: useSetupWrite((input: CatalogPageCreate) =>
      client.setup.catalogPages.create.mutate(input),
    ),
    editCatalogPage: useSetupWrite((input: CatalogPageEdit) =>
      client.setup.catalogPages.edit.mutate(input),
    ),
  };
}

export function useDeliveryWrites() {
  const { client } = useApi();
  return {
    createSlot: useSetupWrite((input: SlotCreate) =>
      client.setup.deliverySlots.create.mutate(input),
    ),
    editSlot: useSetupWrite((input: SlotEdit) => client.setup.deliverySlots.edit.mutate(input)),
    deleteSlot: useSetupWrite((id: number) => client.setup.deliverySlots.delete.mutate({ id })),
    createIsotopeDelivery: useSetupWrite((input: IsotopeDeliveryCreate) =>
      client.setup.isotopeDeliveries.create.mutate(input),
    ),
    editIsotopeDelivery: useSetupWrite((input: IsotopeDeliveryEdit) =>
      client.setup.isotopeDeliveries.edit.mutate(input),
    ),
    deleteIsotopeDelivery: useSetupWrite((id: number) =>
      client.setup.isotopeDeliveries.delete.mutate({ id }),
    ),
  };
}
