import { TRPCClientError } from '@trpc/client';

/** The `reason` of a refused call ('no error' when it succeeded). */
export async function reasonOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return String((error.data as { reason?: string } | undefined)?.reason);
    }
    throw error;
  }
  return 'no error';
}
