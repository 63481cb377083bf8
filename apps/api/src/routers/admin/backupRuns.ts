/**
 * The scheduled backups for the site admin (docs/operations.md, "Scheduled backups"): the
 * recent runs, newest first, and whether the last one failed (the page shows that failure as
 * an alert).
 */
import { fieldSchemas } from '@tracershop/core';
import { z } from 'zod';
import { procedure } from '../../trpc/init';
import { toWire, toWireList } from '../../wire';

const { keyed } = fieldSchemas;

/** Runs shown without `limit`. */
const DEFAULT_RUNS = 30;

export const backupRunsInput = z.strictObject(
  { limit: z.number().int().min(1).max(200).optional() },
  keyed('input.invalid'),
);

export const backupRunsRead = procedure('admin.telemetry.read')
  .input(backupRunsInput.optional())
  .query(async ({ ctx, input = {} }) => {
    const runs = await ctx.services.db.models.BackupRun.findAll({
      order: [
        ['startedAt', 'DESC'],
        ['id', 'DESC'],
      ],
      limit: input.limit ?? DEFAULT_RUNS,
    });
    const last = runs[0] ?? null;
    const lastFailure = last?.result === 'failed' ? last : null;
    return {
      runs: toWireList(runs),
      lastFailed: lastFailure !== null,
      lastFailure: lastFailure === null ? null : toWire(lastFailure),
    };
  });
