import { router } from '../../trpc/init';

export const printingRouter = router({});
