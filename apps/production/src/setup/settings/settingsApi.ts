/**
 * The server settings (`setup.settings.read`, the singleton row; `setup.settings.edit` is the
 * site admin's), the service addresses a site admin keeps (`setup.serviceAddresses.*`, the RIS
 * address among them) and which address each outside service uses now (`inForce`: the
 * environment's or the stored one, as the server decides).
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useQuery } from '@tanstack/react-query';
import { useSetupWrite } from '../setupWrites';

type Outputs = RouterOutputs;
export type ServerSettings = Outputs['setup']['settings']['read'];
export type ServiceAddress = Outputs['setup']['serviceAddresses']['list'][number];
export type AddressInForce = Outputs['setup']['serviceAddresses']['inForce'][number];

export function useServerSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.settings.read.queryOptions());
}

/** Only asked for when the user may configure the site (`admin.config`). */
export function useServiceAddresses(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.setup.serviceAddresses.list.queryOptions(undefined, { enabled }));
}

export function useSettingsEdit() {
  const { setup } = useTRPC();
  return useSetupWrite(setup.settings.edit.mutationOptions(), setup.settings.read.pathFilter());
}

/** Which address each outside service uses now; only asked for by the site admin. */
export function useAddressesInForce(enabled: boolean) {
  const trpc = useTRPC();
  return useQuery(trpc.setup.serviceAddresses.inForce.queryOptions(undefined, { enabled }));
}

/** Each write refreshes the addresses and what is in force (both under `serviceAddresses`). */
export function useServiceAddressWrites() {
  const { setup } = useTRPC();
  const addresses = setup.serviceAddresses;
  const refreshes = addresses.pathFilter();
  return {
    create: useSetupWrite(addresses.create.mutationOptions(), refreshes),
    edit: useSetupWrite(addresses.edit.mutationOptions(), refreshes),
    remove: useSetupWrite(addresses.delete.mutationOptions(), refreshes),
  };
}
