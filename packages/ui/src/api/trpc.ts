/**
 * The apps' typed query layer: `useTRPC()` gives TanStack Query options for every procedure of
 * the api's router (`trpc.setup.catalog.queryOptions()`, `trpc.vials.create.mutationOptions()`)
 * and typed keys and filters for refreshing reads (`trpc.orders.pathFilter()`), so a path that
 * does not exist does not compile. `useTRPCClient()` is the plain client, for a write made of
 * several calls. `ApiProvider` puts both in place.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AppRouter } from '@tracershop/api';
import type { TRPCClient } from '@trpc/client';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { FC, ReactNode } from 'react';

/** What `useTRPC()` returns: options, keys and filters per procedure and per router. */
export type ApiOptions = TRPCOptionsProxy<AppRouter>;

const context = createTRPCContext<AppRouter>();

export const TRPCProvider: FC<{
  children: ReactNode;
  queryClient: QueryClient;
  trpcClient: TRPCClient<AppRouter>;
}> = context.TRPCProvider;

export const useTRPC: () => ApiOptions = context.useTRPC;

export const useTRPCClient: () => TRPCClient<AppRouter> = context.useTRPCClient;
