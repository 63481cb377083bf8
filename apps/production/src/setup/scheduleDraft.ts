/**
 * The editor state of a weekly schedule form (productions, delivery slots): the draft of the
 * run or delivery being edited, its time problem, the api's refusal, the done note and the
 * delete question. Another scope (product, endpoint) starts a blank draft; the form stays
 * mounted so the select the user changed keeps the focus.
 */
import { useState } from 'react';

export interface ScheduleDraft<D, T> {
  draft: D;
  setDraft(draft: D): void;
  /** Merges typed values into the draft and drops the done note. */
  update(next: Partial<D>): void;
  /** Opens `draft` (a clicked entry, or a blank one for "Ny") with no messages left. */
  open(draft: D): void;
  timeProblem: T | null;
  setTimeProblem(problem: T | null): void;
  problem: string | null;
  setProblem(problem: string | null): void;
  done: string | null;
  setDone(done: string | null): void;
  confirmingDelete: boolean;
  setConfirmingDelete(confirming: boolean): void;
}

export function useScheduleDraft<D extends object, T>(
  scope: string,
  blank: () => D,
): ScheduleDraft<D, T> {
  const [draft, setDraft] = useState<D>(blank);
  const [timeProblem, setTimeProblem] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const open = (next: D) => {
    setTimeProblem(null);
    setProblem(null);
    setDone(null);
    setDraft(next);
  };
  const [draftScope, setDraftScope] = useState(scope);
  if (draftScope !== scope) {
    setDraftScope(scope);
    open(blank());
  }
  return {
    draft,
    setDraft,
    update: (next) => {
      setDone(null);
      setDraft((current) => ({ ...current, ...next }));
    },
    open,
    timeProblem,
    setTimeProblem,
    problem,
    setProblem,
    done,
    setDone,
    confirmingDelete,
    setConfirmingDelete,
  };
}
