/**
 * Telemetry for the site admin ("Telemetri"): per procedure over a period, the number of
 * calls, failures, and the mean and 95th-percentile latency. Count and mean come from one
 * grouped query; the percentile is read per procedure as the row at its rank, which both
 * SQLite and MariaDB answer from the (procedure, at) index without loading every record.
 */
import { fieldSchemas } from '@tracershop/core';
import { Op, col, fn, literal } from 'sequelize';
import { z } from 'zod';
import { procedure } from '../../trpc/init';
import { instantWindowFields } from './queryWindows';

const { keyed } = fieldSchemas;

/** Without `from`, the last seven days. */
const DEFAULT_PERIOD_MS = 7 * 24 * 3_600_000;

export const telemetrySummaryInput = z.strictObject(instantWindowFields, keyed('input.invalid'));

export interface ProcedureTelemetry {
  procedure: string;
  calls: number;
  failures: number;
  meanMs: number | null;
  p95Ms: number | null;
}

interface GroupedRow {
  procedure: string;
  calls: number | string;
  measured: number | string;
  failures: number | string | null;
  meanMs: number | string | null;
}

function roundMs(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export const telemetrySummary = procedure('admin.telemetry.read')
  .input(telemetrySummaryInput.optional())
  .query(async ({ ctx, input = {} }) => {
    const { TelemetryRecord } = ctx.services.db.models;
    const now = ctx.services.clock.now();
    const to = input.to === undefined ? null : new Date(input.to);
    const from =
      input.from === undefined
        ? new Date((to ?? now).getTime() - DEFAULT_PERIOD_MS)
        : new Date(input.from);
    // Without `to` the period runs up to now inclusive: the calls just recorded count.
    const period = { at: to === null ? { [Op.gte]: from } : { [Op.gte]: from, [Op.lt]: to } };
    const grouped = (await TelemetryRecord.findAll({
      attributes: [
        'procedure',
        [fn('COUNT', col('id')), 'calls'],
        [fn('COUNT', col('latency_ms')), 'measured'],
        [fn('SUM', literal('CASE WHEN ok = 1 THEN 0 ELSE 1 END')), 'failures'],
        [fn('AVG', col('latency_ms')), 'meanMs'],
      ],
      where: period,
      group: ['procedure'],
      order: [['procedure', 'ASC']],
      raw: true,
    })) as unknown as GroupedRow[];
    const procedures: ProcedureTelemetry[] = [];
    for (const row of grouped) {
      const measured = Number(row.measured);
      // Nearest rank: the smallest latency at or above which 95 % of the calls lie.
      const rank = Math.ceil(0.95 * measured);
      const atRank =
        measured === 0
          ? null
          : await TelemetryRecord.findOne({
              attributes: ['latencyMs'],
              where: { ...period, procedure: row.procedure, latencyMs: { [Op.ne]: null } },
              order: [['latencyMs', 'ASC']],
              offset: rank - 1,
            });
      procedures.push({
        procedure: row.procedure,
        calls: Number(row.calls),
        failures: Number(row.failures ?? 0),
        meanMs: row.meanMs === null ? null : roundMs(Number(row.meanMs)),
        p95Ms: atRank?.latencyMs == null ? null : roundMs(atRank.latencyMs),
      });
    }
    return { from: from.toISOString(), to: (to ?? now).toISOString(), procedures };
  });
