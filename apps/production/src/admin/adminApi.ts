/**
 * The site admin's reads and writes of the api (`admin.*`, and the user list of
 * `setup.users.list`), as query and mutation options of the router (`useTRPC()`). The audit
 * trail, login events, telemetry and backup runs are not refreshed by live events (they
 * change on every call); the pages offer "Opdater". User changes arrive live (the `User`
 * entity refreshes `admin` and `setup.users`).
 */
import type { RouterInputs, RouterOutputs } from '@tracershop/api';
import { useTRPC, useTRPCClient } from '@tracershop/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

type Outputs = RouterOutputs;
type Inputs = RouterInputs;

/** A view of the audit trail: its filters and page (the language is the page's own). */
export type AuditTrailInput = Omit<NonNullable<Inputs['admin']['auditTrail']>, 'language'>;
export type AuditLanguage = NonNullable<
  Exclude<Inputs['admin']['auditFilters'], void | undefined>['language']
>;
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
export type UserCreate = Inputs['admin']['createUser'];
export type AuditReviewRow = Outputs['admin']['reviews'][number];
export type BackupRuns = Outputs['admin']['backupRuns'];
export type BackupRunRow = BackupRuns['runs'][number];

export function useAuditTrail(input: AuditTrailInput & { language: AuditLanguage }) {
  const trpc = useTRPC();
  // The previous page stays on screen while the next one loads.
  return useQuery(trpc.admin.auditTrail.queryOptions(input, { placeholderData: keepPreviousData }));
}

/** The signed reviews of the audit trail, the newest period first. */
export function useAuditReviews() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.reviews.queryOptions());
}

/** Signs a review of a period (the password is the signature); the list refreshes. */
export function useSignAuditReview() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.admin.review.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.admin.reviews.pathFilter()),
          queryClient.invalidateQueries(trpc.admin.auditTrail.pathFilter()),
        ]);
      },
    }),
  );
}

/** The filters' choices in words: kinds of record and actions that occur, customers. */
export function useAuditFilters(language: AuditLanguage) {
  const trpc = useTRPC();
  return useQuery(trpc.admin.auditFilters.queryOptions({ language }));
}

/**
 * The address of the export of a view of the trail (`/documents/audit-trail.pdf|csv`): the
 * same filters as the page, every row of them, not only the page shown.
 */
export function auditExportUrl(
  format: 'pdf' | 'csv',
  input: AuditTrailInput,
  language: AuditLanguage,
): string {
  const query = new URLSearchParams({ language });
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined && name !== 'page' && name !== 'pageSize') {
      query.set(name, String(value));
    }
  }
  return `/documents/audit-trail.${format}?${query.toString()}`;
}

/** Walks the whole chain on request (it reads every row), so it is a button, not a read. */
export function useAuditChainVerification() {
  const client = useTRPCClient();
  return useMutation({ mutationFn: () => client.admin.verifyAuditChain.query() });
}

export function useLoginEvents(input: LoginEventsInput) {
  const trpc = useTRPC();
  return useQuery(
    trpc.admin.loginEvents.queryOptions(input, { placeholderData: keepPreviousData }),
  );
}

export function useTelemetry(input: TelemetryInput) {
  const trpc = useTRPC();
  return useQuery(trpc.admin.telemetry.queryOptions(input, { placeholderData: keepPreviousData }));
}

/** The recent scheduled backups and the last failure (refreshed on request: "Opdater"). */
export function useBackupRuns() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.backupRuns.queryOptions());
}

export function useUserList() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.users.list.queryOptions());
}

/** The site admin's account writes; the user list and the audit trail are read again after each. */
export function useAccountWrites() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.setup.users.list.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.auditTrail.pathFilter()),
    ]);
  };
  return {
    edit: useMutation(trpc.admin.editUser.mutationOptions({ onSuccess })),
    create: useMutation(trpc.admin.createUser.mutationOptions({ onSuccess })),
    resetPassword: useMutation(trpc.admin.resetPassword.mutationOptions({ onSuccess })),
  };
}
