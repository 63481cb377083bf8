/**
 * One user action against the api at a time: `pending` while it runs (a second press is
 * ignored), and the server's Danish message as `failure` when it is refused.
 */
import { useRef, useState } from 'react';
import { messageOf } from './apiErrors';

export interface PendingAction {
  pending: boolean;
  failure: string | null;
  /**
   * Runs `action`, then `after` when it succeeded; refusals end up in `failure`, unless
   * `handled` takes one (returns true), e.g. a limit refusal that asks for a reason.
   */
  run(
    action: () => Promise<unknown>,
    after?: () => void,
    handled?: (error: unknown) => boolean,
  ): Promise<void>;
}

export function usePendingAction(): PendingAction {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const running = useRef(false);

  async function run(
    action: () => Promise<unknown>,
    after?: () => void,
    handled?: (error: unknown) => boolean,
  ): Promise<void> {
    if (running.current) {
      return;
    }
    running.current = true;
    setPending(true);
    setFailure(null);
    try {
      await action();
      after?.();
    } catch (error) {
      if (handled?.(error) !== true) {
        setFailure(messageOf(error));
      }
    } finally {
      running.current = false;
      setPending(false);
    }
  }

  return { pending, failure, run };
}
