/**
 * Every procedure names an action of core's role matrix, and every role the matrix does not
 * allow is refused by the server — as is an anonymous caller.
 */
import { TRPCClientError } from '@trpc/client';
import { UserGroup, allowed } from '@tracershop/core';
import type { Action } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/routers';
import type { Meta } from '../src/trpc/init';
import type { TestApi } from './testApi';
import { startTestApi } from './testApi';
import type { TestClient } from './testClient';

interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: Meta | undefined;
}

function proceduresOf(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureInfo['type']; meta?: Meta } }
  >;
  return Object.entries(record).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    meta: procedure._def.meta,
  }));
}

const demoUserOf: Record<number, string> = {
  [UserGroup.Admin]: 'site-admin',
  [UserGroup.ProductionAdmin]: 'prod-admin',
  [UserGroup.ProductionUser]: 'prod-user',
  [UserGroup.ShopAdmin]: 'shop-admin',
  [UserGroup.ShopUser]: 'shop-user',
  [UserGroup.ShopExternal]: 'external',
};

/** Procedures any logged-in user may call (no role condition), and public ones. */
const ANY_LOGGED_IN = new Set(['auth.changePassword', 'events.onChange']);

async function call(client: TestClient, info: ProcedureInfo): Promise<string> {
  let node: unknown = client.trpc;
  for (const part of info.path.split('.')) {
    node = (node as Record<string, unknown>)[part];
  }
  const target = node as {
    query: (input: unknown) => Promise<unknown>;
    mutate: (input: unknown) => Promise<unknown>;
  };
  try {
    await (info.type === 'query' ? target.query({}) : target.mutate({}));
    return 'no error';
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return String((error.data as { reason?: string } | undefined)?.reason);
    }
    throw error;
  }
}

describe('[URS-ACC-001] role × procedure matrix (sqlite)', () => {
  let api: TestApi;
  const clients = new Map<number, TestClient>();
  let anonymous: TestClient;
  const procedures = proceduresOf().filter((info) => info.type !== 'subscription');

  beforeAll(async () => {
    api = await startTestApi({ dialect: 'sqlite' });
    for (const [group, username] of Object.entries(demoUserOf)) {
      clients.set(Number(group), await api.loginAs(username));
    }
    anonymous = api.client();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('every procedure is public, for any logged-in user, or names an action', () => {
    for (const info of proceduresOf()) {
      const declared =
        info.meta?.public === true ||
        ANY_LOGGED_IN.has(info.path) ||
        info.meta?.action !== undefined;
      expect(declared, info.path).toBe(true);
    }
  });

  it('refuses anonymous callers on every non-public procedure', async () => {
    for (const info of procedures) {
      if (info.meta?.public === true) {
        continue;
      }
      expect(await call(anonymous, info), info.path).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses every role the matrix does not allow', async () => {
    let refusals = 0;
    for (const info of procedures) {
      const action = info.meta?.action as Action | undefined;
      if (action === undefined) {
        continue;
      }
      for (const [group, client] of clients) {
        if (!allowed(group as UserGroup, action)) {
          expect(await call(client, info), `${info.path} as group ${group}`).toBe('FORBIDDEN_ROLE');
          refusals += 1;
        }
      }
    }
    expect(refusals).toBeGreaterThan(0);
  });
});
