/**
 * The root router: one router per domain area, merged here. The apps import `AppRouter`
 * for end-to-end types.
 */
import { router } from '../trpc/init';
import { authRouter } from './auth';
import { eventsRouter } from './events';

export const appRouter = router({
  auth: authRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
