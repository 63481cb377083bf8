/**
 * Customer notices (`setup.notices`): production reads every notice, current and expired;
 * production admins create, edit and delete them (`notice.write`). Writes refresh the list at
 * once; the live event (`CustomerNotice`) refreshes it for everyone else, the shops included.
 */
import type { RouterOutputs } from '@tracershop/api';
import { useTRPC } from '@tracershop/ui';
import { useQuery } from '@tanstack/react-query';
import { useSetupWrite } from '../setupWrites';

export type NoticeRow = RouterOutputs['setup']['notices']['list'][number];

export function useNotices() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.notices.list.queryOptions());
}

export function useNoticeWrites() {
  const trpc = useTRPC();
  const notices = trpc.setup.notices;
  const list = notices.list.pathFilter();
  return {
    create: useSetupWrite(notices.create.mutationOptions(), list),
    edit: useSetupWrite(notices.edit.mutationOptions(), list),
    remove: useSetupWrite(notices.delete.mutationOptions(), list),
  };
}
