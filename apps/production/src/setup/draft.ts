/**
 * What a set-up form or table row has typed, beside what is stored: the typed values, a setter
 * per field and whether anything differs (only then is there something to save).
 */
import { useState } from 'react';

export interface Draft<D extends object> {
  readonly draft: D;
  readonly set: <K extends keyof D>(key: K, value: D[K]) => void;
  readonly changed: boolean;
}

export function useDraft<D extends object>(stored: D): Draft<D> {
  const [draft, setDraft] = useState<D>(stored);
  const changed = !(Object.keys(stored) as (keyof D)[]).every((key) => draft[key] === stored[key]);
  function set<K extends keyof D>(key: K, value: D[K]) {
    setDraft((previous) => ({ ...previous, [key]: value }));
  }
  return { draft, set, changed };
}
