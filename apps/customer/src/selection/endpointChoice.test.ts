import { describe, expect, it } from 'vitest';
import { endpointChoiceOf } from './endpointChoice';

const catalog = {
  customers: [{ id: 1 }, { id: 2 }],
  endpoints: [
    { id: 10, customerId: 1 },
    { id: 11, customerId: 1 },
    { id: 20, customerId: 2 },
  ],
} as unknown as Parameters<typeof endpointChoiceOf>[0];

describe('endpointChoiceOf', () => {
  it('keeps a remembered customer and endpoint the user may still see', () => {
    expect(endpointChoiceOf(catalog, 1, 11)).toEqual({ customerId: 1, endpointId: 11 });
  });

  it('falls back to the first customer and its first endpoint', () => {
    expect(endpointChoiceOf(catalog, 3, 11)).toEqual({ customerId: 1, endpointId: 11 });
    expect(endpointChoiceOf(catalog, 2, 11)).toEqual({ customerId: 2, endpointId: 20 });
    expect(endpointChoiceOf(catalog, null, null)).toEqual({ customerId: 1, endpointId: 10 });
  });

  it('has nothing to choose for a user without customers', () => {
    expect(endpointChoiceOf({ customers: [], endpoints: [] }, 1, 10)).toBeNull();
  });
});
