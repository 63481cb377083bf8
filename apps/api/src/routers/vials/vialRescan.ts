/**
 * `vials.rescan` ("Hent manglende glas", legacy `restartVialDog`): production asks for the
 * dispenser files waiting in the watched folder to be imported now, e.g. when the watcher
 * missed a file on a network share. The vials are audited as created by the caller.
 */
import { apiError } from '../../errors';
import { vialDirectoryOf } from '../../background/vials/vialDirectory';
import { scanVialDirectory } from '../../background/vials/vialImport';
import type { VialScanCounts } from '../../background/vials/vialImport';
import { procedure } from '../../trpc/init';

export const rescanVials = procedure('vial.rescan').mutation(
  async ({ ctx }): Promise<VialScanCounts> => {
    const directory = vialDirectoryOf(ctx.services);
    if (directory === null) {
      throw apiError('VIAL_WATCH_OFF');
    }
    try {
      return await scanVialDirectory(ctx.services, directory, { user: ctx.user });
    } catch (error) {
      ctx.log.error({ err: error, directory }, 'vial rescan failed');
      throw apiError('VIAL_WATCH_OFF');
    }
  },
);
