/**
 * `clientErrors.report`: a crashed app (its error boundary) tells the server what happened, so
 * the crash lands in the server log (docs/domain.md "the responsible people have been notified").
 * Public, because an app can crash before or without a session; the input is bounded, each
 * address may send at most `REPORTS_PER_MINUTE` reports a minute (the rest are dropped
 * quietly), and the procedure never throws back: the app is already showing its error page.
 */
import { z } from 'zod';
import type { ApiServices } from '../services';
import { publicProcedure, router } from '../trpc/init';

export const REPORTS_PER_MINUTE = 20;
const WINDOW_MS = 60_000;
/** Beyond this many remembered addresses, expired windows are swept. */
const SWEEP_ABOVE = 1000;

export const clientErrorInput = z.strictObject({
  message: z.string().max(2000),
  stack: z.string().max(20_000).optional(),
  url: z.string().max(2000).optional(),
  appVersion: z.string().max(64).optional(),
});

interface Window {
  startedMs: number;
  count: number;
}

/** One fixed one-minute window per address, per api instance (its services). */
const windowsOf = new WeakMap<ApiServices, Map<string, Window>>();

/** True when this report is within the address's allowance for the current minute. */
export function admitReport(services: ApiServices, address: string, nowMs: number): boolean {
  let windows = windowsOf.get(services);
  if (windows === undefined) {
    windows = new Map();
    windowsOf.set(services, windows);
  }
  if (windows.size > SWEEP_ABOVE) {
    for (const [key, window] of windows) {
      if (nowMs - window.startedMs >= WINDOW_MS) {
        windows.delete(key);
      }
    }
  }
  const window = windows.get(address);
  if (window === undefined || nowMs - window.startedMs >= WINDOW_MS) {
    windows.set(address, { startedMs: nowMs, count: 1 });
    return true;
  }
  window.count += 1;
  return window.count <= REPORTS_PER_MINUTE;
}

export const clientErrorsRouter = router({
  report: publicProcedure.input(clientErrorInput).mutation(({ ctx, input }) => {
    try {
      if (!admitReport(ctx.services, ctx.remoteAddress, ctx.services.clock.now().getTime())) {
        return { logged: false };
      }
      ctx.log.error(
        {
          clientError: {
            message: input.message,
            stack: input.stack,
            url: input.url,
            appVersion: input.appVersion,
          },
          userId: ctx.session?.user.id ?? null,
          remoteAddress: ctx.remoteAddress,
        },
        'client error',
      );
      return { logged: true };
    } catch {
      // Reporting a crash must never become a second error for the app.
      return { logged: false };
    }
  }),
});
