/**
 * Monitoring: production admins' statistics of how punctually orders were released.
 */
import { router } from '../../trpc/init';
import { punctuality } from './punctuality';

export const monitoringRouter = router({
  punctuality,
});
