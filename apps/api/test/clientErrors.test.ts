/**
 * `clientErrors.report`: crashes of the apps reach the server log, from anonymous and
 * logged-in callers alike, with bounded input and a per-address allowance per minute.
 */
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPORTS_PER_MINUTE } from '../src/routers/clientErrors';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { startTestApi } from './testApi';

interface LogLine {
  level: number;
  msg: string;
  userId?: number | null;
  clientError?: { message: string; stack?: string; url?: string; appVersion?: string };
}

const ERROR_LEVEL = 50;

describe('[URS-DAT-008] clientErrors.report (sqlite)', () => {
  let api: TestApi;
  const lines: LogLine[] = [];
  const clientErrorLines = () => lines.filter((line) => line.msg === 'client error');

  beforeAll(async () => {
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    );
    api = await startTestApi({ dialect: 'sqlite', logger });
  });

  afterAll(async () => {
    await api?.close();
  });

  beforeEach(() => {
    lines.length = 0;
    // A fresh minute for the allowance of this test's address.
    api.clock.set(new Date(api.clock.now().getTime() + 61_000));
  });

  it('logs an anonymous crash at error level without a user', async () => {
    const result = await api.client().trpc.clientErrors.report.mutate({
      message: 'Cannot read properties of undefined',
      stack: 'TypeError: Cannot read properties of undefined\n    at OrderCard',
      url: 'http://localhost/bestillinger',
      appVersion: 'test',
    });
    expect(result).toEqual({ logged: true });
    const [line] = clientErrorLines();
    expect(line?.level).toBe(ERROR_LEVEL);
    expect(line?.userId).toBeNull();
    expect(line?.clientError).toEqual({
      message: 'Cannot read properties of undefined',
      stack: 'TypeError: Cannot read properties of undefined\n    at OrderCard',
      url: 'http://localhost/bestillinger',
      appVersion: 'test',
    });
  });

  it('names the logged-in user', async () => {
    const client = await api.loginAs('shop-user');
    const { user } = await client.trpc.auth.whoami.query();
    await client.trpc.clientErrors.report.mutate({ message: 'boom' });
    expect(clientErrorLines().map((line) => line.userId)).toEqual([user?.id]);
  });

  it('refuses oversized or unknown fields', async () => {
    const client = api.client();
    expect(
      await reasonOf(client.trpc.clientErrors.report.mutate({ message: 'x'.repeat(2001) })),
    ).toBe('INVALID_INPUT');
    expect(
      await reasonOf(
        client.trpc.clientErrors.report.mutate({ message: 'x', stack: 'y'.repeat(20_001) }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await reasonOf(
        client.trpc.clientErrors.report.mutate({ message: 'x', appVersion: 'v'.repeat(65) }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await reasonOf(
        client.trpc.clientErrors.report.mutate({ message: 'x', secret: 'y' } as {
          message: string;
        }),
      ),
    ).toBe('INVALID_INPUT');
    expect(clientErrorLines()).toEqual([]);
  });

  it(`logs at most ${REPORTS_PER_MINUTE} reports a minute per address, quietly`, async () => {
    const client = api.client();
    const results: boolean[] = [];
    for (let index = 0; index < REPORTS_PER_MINUTE + 5; index += 1) {
      results.push(
        (await client.trpc.clientErrors.report.mutate({ message: `crash ${index}` })).logged,
      );
    }
    expect(results.filter(Boolean)).toHaveLength(REPORTS_PER_MINUTE);
    expect(results.slice(REPORTS_PER_MINUTE)).toEqual([false, false, false, false, false]);
    expect(clientErrorLines()).toHaveLength(REPORTS_PER_MINUTE);

    api.clock.set(new Date(api.clock.now().getTime() + 60_000));
    expect(await client.trpc.clientErrors.report.mutate({ message: 'next minute' })).toEqual({
      logged: true,
    });
  });
});
