/**
 * The server settings (`setup.settings.read`, the singleton row; `setup.settings.edit` is the
 * site admin's) and the RIS addresses a site admin may point them at.
 */
import type { AppRouter } from '@tracershop/api';
import type { ServerSettingsEditInput } from '@tracershop/core';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useSetupWrite } from '../setupWrites';

type Outputs = inferRouterOutputs<AppRouter>;
export type ServerSettings = Outputs['setup']['settings']['read'];
export type ServiceAddress = Outputs['setup']['serviceAddresses']['list'][number];

export const SETTINGS = apiQueryKey('setup.settings.read');

export function useServerSettings() {
  const { client } = useApi();
  return useQuery({ queryKey: SETTINGS, queryFn: () => client.setup.settings.read.query() });
}

/** Only asked for when the user may configure the site (`admin.config`). */
export function useServiceAddresses(enabled: boolean) {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('setup.serviceAddresses.list'),
    queryFn: () => client.setup.serviceAddresses.list.query(),
    enabled,
  });
}

export function useSettingsEdit() {
  const { client } = useApi();
  return useSetupWrite(
    (input: ServerSettingsEditInput) => client.setup.settings.edit.mutate(input),
    SETTINGS,
  );
}
