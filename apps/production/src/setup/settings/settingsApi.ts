/**
 * The server settings (`setup.settings.read`, the singleton row; `setup.settings.edit` is the
 * site admin's) and the RIS addresses a site admin may point them at.
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useQuery } from '@tanstack/react-query';
import { useSetupWrite } from '../setupWrites';

type Outputs = RouterOutputs;
export type ServerSettings = Outputs['setup']['settings']['read'];
export type ServiceAddress = Outputs['setup']['serviceAddresses']['list'][number];

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
