/**
 * The site admin's reads and writes of the api (`admin.*`, and the user list of
 * `setup.users.list`), as TanStack Query hooks keyed by procedure path. The audit trail, login
 * events and telemetry are not refreshed by live events (they change on every call); the pages
 * offer "Opdater". User changes arrive live (the `User` entity refreshes `admin` and
 * `setup.users`).
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { apiQueryKey, useApi } from '@tracershop/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

type Outputs = RouterOutputs;
type Inputs = RouterInputs;

export type AuditTrailInput = NonNullable<Inputs['admin']['auditTrail']>;
export type AuditTrailPage = Outputs['admin']['auditTrail'];
export type AuditRow = AuditTrailPage['rows'][number];
export type AuditChainReport = Outputs['admin']['verifyAuditChain'];
export type LoginEventsInput = NonNullable<Inputs['admin']['loginEvents']>;
export type LoginEventRow = Outputs['admin']['loginEvents']['rows'][number];
export type TelemetryInput = NonNullable<Inputs['admin']['telemetry']>;
export type TelemetrySummary = Outputs['admin']['telemetry'];
export type ProcedureTelemetry = TelemetrySummary['procedures'][number];
export type UserList = Outputs['setup']['users']['list'];
export type ListedUser = UserList['users'][number];
export type UserEdit = Inputs['admin']['editUser'];

export function useAuditTrail(input: AuditTrailInput) {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('admin.auditTrail', input),
    queryFn: () => client.admin.auditTrail.query(input),
    // The previous page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole chain on request (it reads every row), so it is a button, not a read. */
export function useAuditChainVerification() {
  const { client } = useApi();
  return useMutation({ mutationFn: () => client.admin.verifyAuditChain.query() });
}

export function useLoginEvents(input: LoginEventsInput) {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('admin.loginEvents', input),
    queryFn: () => client.admin.loginEvents.query(input),
    placeholderData: keepPreviousData,
  });
}

export function useTelemetry(input: TelemetryInput) {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('admin.telemetry', input),
    queryFn: () => client.admin.telemetry.query(input),
    placeholderData: keepPreviousData,
  });
}

export function useUserList() {
  const { client } = useApi();
  return useQuery({
    queryKey: apiQueryKey('setup.users.list'),
    queryFn: () => client.setup.users.list.query(),
  });
}

export function useUserEdit() {
  const { client } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserEdit) => client.admin.editUser.mutate(input),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: apiQueryKey('setup.users.list') }),
        queryClient.invalidateQueries({ queryKey: apiQueryKey('admin.auditTrail') }),
      ]);
    },
  });
}
