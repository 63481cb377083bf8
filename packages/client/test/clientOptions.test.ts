/**
 * The check of `createTracershopClient`'s options: wrong ones are refused in words before any
 * request, and the token never appears in a message.
 */
import { describe, expect, it } from 'vitest';
import { TracershopOptionsError, createTracershopClient, resolveClientOptions } from '../src/index';

const TOKEN = 'tsk_Wc1tizq8qYRLvT_hp5CD2JrSqUPilL546og08-eZY00';

function refusal(options: unknown): string {
  try {
    resolveClientOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(TracershopOptionsError);
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error('the options were accepted');
}

describe('the client options', () => {
  it('derive the api addresses from the site address', () => {
    expect(resolveClientOptions({ url: 'https://tracershop.example', token: TOKEN })).toEqual({
      httpUrl: 'https://tracershop.example/trpc',
      wsUrl: 'wss://tracershop.example/trpc',
      token: TOKEN,
    });
    expect(resolveClientOptions({ url: 'http://127.0.0.1:8080/', token: TOKEN }).wsUrl).toBe(
      'ws://127.0.0.1:8080/trpc',
    );
    // A site behind a path prefix keeps it.
    expect(
      resolveClientOptions({ url: 'https://intranet.example/tracershop//', token: TOKEN }).httpUrl,
    ).toBe('https://intranet.example/tracershop/trpc');
  });

  it('ignore the white space around a token read from a file', () => {
    expect(resolveClientOptions({ url: 'https://x.example', token: ` ${TOKEN}\n` }).token).toBe(
      TOKEN,
    );
  });

  it('refuse a url that is missing, not an address or not http(s)', () => {
    expect(refusal(undefined)).toBe('createTracershopClient: give the options { url, token }.');
    expect(refusal({ token: TOKEN })).toMatch(/url is missing/);
    expect(refusal({ url: '  ', token: TOKEN })).toMatch(/url is missing/);
    expect(refusal({ url: 'tracershop.example', token: TOKEN })).toMatch(
      /url "tracershop.example" is not an address/,
    );
    expect(refusal({ url: 'ftp://tracershop.example', token: TOKEN })).toMatch(
      /url must start with http:\/\/ or https:\/\/, not ftp:\/\//,
    );
    expect(refusal({ url: 'wss://tracershop.example', token: TOKEN })).toMatch(/not wss:/);
    expect(refusal({ url: 'https://admin:secret@tracershop.example', token: TOKEN })).toMatch(
      /must not carry a user name or password/,
    );
    expect(refusal({ url: 'https://tracershop.example/?x=1', token: TOKEN })).toMatch(
      /without \?query or #fragment/,
    );
  });

  it('refuse a token that is missing or not an API token, without repeating it', () => {
    expect(refusal({ url: 'https://x.example' })).toMatch(/token is missing/);
    expect(refusal({ url: 'https://x.example', token: '' })).toMatch(/token is missing/);
    const password = refusal({ url: 'https://x.example', token: 'hemmeligt-kodeord' });
    expect(password).toMatch(/not a Tracershop API token: those start with "tsk_"/);
    expect(password).not.toContain('hemmeligt');
    expect(refusal({ url: 'https://x.example', token: 'tsk_' })).toMatch(/token is damaged/);
    const cut = refusal({ url: 'https://x.example', token: 'tsk_abc def' });
    expect(cut).toMatch(/token is damaged/);
    expect(cut).not.toContain('abc');
  });

  it('are checked by createTracershopClient before anything is sent', async () => {
    expect(() => createTracershopClient({ url: 'ftp://x.example', token: TOKEN })).toThrow(
      TracershopOptionsError,
    );
    expect(() => createTracershopClient({ url: 'https://x.example', token: 'abc' })).toThrow(
      /start with "tsk_"/,
    );
    const ts = createTracershopClient({ url: 'https://x.example', token: TOKEN });
    expect(typeof ts.orders.productionDay.query).toBe('function');
    expect(typeof ts.liveEvents).toBe('function');
    await ts.close();
    await ts.close();
  });
});
