/**
 * What a page shows of one api read: the api's refusal when it failed, "Henter…" until the
 * first answer, then the data (kept on screen while a refresh runs).
 */
import { AlertBox, messageOf } from '@tracershop/ui';
import type { ReactNode } from 'react';
import { PageLoading } from './PageLoading';

export interface QueryLike<Data> {
  data: Data | undefined;
  error: unknown;
  isPending: boolean;
}

export function QueryResult<Data>({
  query,
  children,
}: {
  query: QueryLike<Data>;
  children: (data: Data) => ReactNode;
}) {
  return (
    <>
      {query.error === null || query.error === undefined ? null : (
        <AlertBox level="error">{messageOf(query.error)}</AlertBox>
      )}
      {query.data === undefined ? query.isPending ? <PageLoading /> : null : children(query.data)}
    </>
  );
}
