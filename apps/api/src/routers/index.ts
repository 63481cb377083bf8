/**
 * The root router: one router per domain area, merged here. The apps import `AppRouter`,
 * `RouterInputs` and `RouterOutputs` for end-to-end types.
 */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc/init';
import { adminRouter } from './admin';
import { authRouter } from './auth';
import { bookingsRouter } from './bookings';
import { clientErrorsRouter } from './clientErrors';
import { eventsRouter } from './events';
import { monitoringRouter } from './monitoring';
import { ordersRouter } from './orders';
import { printingRouter } from './printing';
import { recallRouter } from './recall';
import { releaseRouter } from './release';
import { setupRouter } from './setup';
import { vialsRouter } from './vials';

export const appRouter = router({
  auth: authRouter,
  events: eventsRouter,
  setup: setupRouter,
  orders: ordersRouter,
  bookings: bookingsRouter,
  release: releaseRouter,
  vials: vialsRouter,
  admin: adminRouter,
  printing: printingRouter,
  monitoring: monitoringRouter,
  recall: recallRouter,
  clientErrors: clientErrorsRouter,
});

export type AppRouter = typeof appRouter;

/** The input of every procedure, by path: `RouterInputs['orders']['activity']['create']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;

/** The output of every procedure, by path, as the apps receive it. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
