/**
 * The shop remembers the chosen customer, destination and product between visits
 * (docs/domain.md), in localStorage.
 */
import { useCallback, useState } from 'react';

export type ChoiceName = 'customer' | 'endpoint' | 'tracer';

const storageKey = (name: ChoiceName) => `tracershop.shop.${name}`;

export function readChoice(name: ChoiceName): number | null {
  try {
    const value = Number(globalThis.localStorage?.getItem(storageKey(name)) ?? Number.NaN);
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function writeChoice(name: ChoiceName, value: number | null): void {
  try {
    if (value === null) {
      globalThis.localStorage?.removeItem(storageKey(name));
    } else {
      globalThis.localStorage?.setItem(storageKey(name), String(value));
    }
  } catch {
    // Storage may be refused (private browsing); the choice then lasts this visit only.
  }
}

export function useRememberedChoice(name: ChoiceName): [number | null, (value: number) => void] {
  const [value, setValue] = useState(() => readChoice(name));
  const choose = useCallback(
    (next: number) => {
      writeChoice(name, next);
      setValue(next);
    },
    [name],
  );
  return [value, choose];
}
