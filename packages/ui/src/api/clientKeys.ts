/**
 * Client keys of create requests (docs/operations.md, "Retries and client keys"): the api
 * creates once per key. A form keeps its key until the api has answered, so that pressing
 * the button again after a dropped connection or a restarted server sends the same key and
 * can never create a second order; after an answer, success or refusal, the next press is a
 * new request with a new key.
 */
import { useRef } from 'react';
import { isAnswered } from './apiErrors';

export interface ClientKeys {
  /**
   * Sends a create of the form `formId` (e.g. the slot and date of an order row) with its
   * key: the same key again while an earlier send of that form has had no answer.
   */
  send<T>(formId: string, create: (clientKey: string) => Promise<T>): Promise<T>;
}

export function useClientKeys(): ClientKeys {
  const open = useRef(new Map<string, string>());
  return {
    async send<T>(formId: string, create: (clientKey: string) => Promise<T>): Promise<T> {
      const keys = open.current;
      const clientKey = keys.get(formId) ?? crypto.randomUUID();
      keys.set(formId, clientKey);
      try {
        const result = await create(clientKey);
        keys.delete(formId);
        return result;
      } catch (error) {
        if (isAnswered(error)) {
          keys.delete(formId);
        }
        throw error;
      }
    },
  };
}
