import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { isAnswered, messageOf } from './apiErrors';

function refusal(
  reason: string,
  message: string,
  params: Record<string, string | number> = {},
): TRPCClientError<never> {
  return new TRPCClientError(message, {
    result: { error: { code: -32005, message, data: { reason, params } } },
  } as never);
}

const wrongMethod = () =>
  refusal(
    'METHOD_NOT_SUPPORTED',
    'Forespørgslen brugte en metode, som denne handling ikke tager imod.',
  );
const unreachable = () => TRPCClientError.from(new TypeError('fetch failed'));

describe('messageOf', () => {
  it("[URS-DAT-006] shows a request's refusal in the user's language", () => {
    createI18n({ language: 'en' });
    expect(messageOf(wrongMethod())).toBe('The request used a method this action does not accept.');
    createI18n({ language: 'da' });
    expect(messageOf(wrongMethod())).toBe(
      'Forespørgslen brugte en metode, som denne handling ikke tager imod.',
    );
  });

  it('[URS-DAT-006] says in words that the server could not be reached, not "fetch failed"', () => {
    createI18n({ language: 'da' });
    expect(messageOf(unreachable())).toMatch(/^Serveren kunne ikke nås/);
    createI18n({ language: 'en' });
    expect(messageOf(unreachable())).toMatch(/^The server could not be reached/);
  });

  it('[URS-DAT-006] writes a refusal with its parameters in either language, machine values as words', () => {
    const missing = refusal('NOT_FOUND', 'Hætteglasset findes ikke.', { entity: 'Vial' });
    const limit = refusal('LIMIT_ACTIVITY_PER_ORDER', '…', {
      tracer: 'FDG',
      max: '50\u00a0000\u00a0MBq',
      value: '999\u00a0999\u00a0999\u00a0MBq',
    });
    const move = refusal('MOVE_REFUSED', '…', { refusal: 'later-slot' });
    createI18n({ language: 'en' });
    expect(messageOf(missing)).toBe('The vial does not exist.');
    expect(messageOf(limit)).toBe(
      'FDG can be ordered with at most 50\u00a0000\u00a0MBq per order; the order is for ' +
        '999\u00a0999\u00a0999\u00a0MBq.',
    );
    expect(messageOf(move)).toBe(
      'The order cannot be moved: orders can only be moved to an earlier delivery.',
    );
    createI18n({ language: 'da' });
    expect(messageOf(missing)).toBe('Hætteglasset findes ikke.');
    expect(messageOf(move)).toBe(
      'Ordren kan ikke flyttes: der kan kun rykkes til en tidligere levering.',
    );
  });

  it('[URS-DAT-006][URS-ORD-011] tells an answered refusal from a call that may not have arrived', () => {
    expect(isAnswered(wrongMethod())).toBe(true);
    expect(isAnswered(unreachable())).toBe(false);
  });
});
