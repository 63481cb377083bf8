/**
 * Bringing one legacy row into the record database: the remembered new row (legacy_ids) is
 * updated to the legacy values, or an existing row with the same natural key is adopted, or a
 * new row is created — each change audited as 'legacy.import' by the actor `legacy-import`,
 * inside the table's transaction. Fields that production fills in later (vial tags, clinical
 * names) are only set on creation, and a released record is never changed.
 */
import { appendAudit } from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import type { Attributes, CreationAttributes, Model, ModelStatic, Transaction } from 'sequelize';
import { toWire } from '../wire';
import type { TableSummary } from './importSummary';
import { skip } from './importSummary';

export const LEGACY_IMPORT_ACTOR = 'legacy-import';
export const LEGACY_IMPORT_ACTION = 'legacy.import';

/** What importing one legacy table works with. */
export interface TableContext {
  db: Databases;
  transaction: Transaction;
  summary: TableSummary;
  /** When the import started (audit time). */
  at: Date;
  /** Site time zone of the legacy wall-clock date-times. */
  timeZone: string;
  /** Called once per legacy row handled (the progress bar). */
  tick(): void;
}

/** The remembered new ids of one legacy table (legacy_ids). */
export class LegacyIds {
  private constructor(
    readonly legacyTable: string,
    private readonly ids: Map<string, { id: number; entityId: number }>,
  ) {}

  static async load(context: TableContext, legacyTable: string): Promise<LegacyIds> {
    const rows = await context.db.models.LegacyId.findAll({
      where: { legacyTable },
      transaction: context.transaction,
    });
    return new LegacyIds(
      legacyTable,
      new Map(rows.map((row) => [row.legacyId, { id: row.id, entityId: row.entityId }])),
    );
  }

  get(legacyId: string): number | undefined {
    return this.ids.get(legacyId)?.entityId;
  }

  /** Remembers that `legacyId` became `entity` `entityId`. */
  async remember(
    context: TableContext,
    legacyId: string,
    entity: string,
    entityId: number,
  ): Promise<void> {
    const known = this.ids.get(legacyId);
    if (known?.entityId === entityId) {
      return;
    }
    const { LegacyId } = context.db.models;
    if (known === undefined) {
      const row = await LegacyId.create(
        { legacyTable: this.legacyTable, legacyId, entity, entityId },
        { transaction: context.transaction },
      );
      this.ids.set(legacyId, { id: row.id, entityId });
    } else {
      await LegacyId.update(
        { entity, entityId },
        { where: { id: known.id }, transaction: context.transaction },
      );
      this.ids.set(legacyId, { id: known.id, entityId });
    }
  }
}

export interface LegacyRowSpec<M extends Model> {
  model: ModelStatic<M>;
  /** The entities.md name, e.g. 'ActivityOrder'. */
  entity: string;
  ids: LegacyIds;
  legacyId: string;
  /** The fields the legacy row owns: set on creation and brought up to date on every import. */
  values: Partial<Attributes<M>>;
  /** Fields set only when the row is created (production fills them in later). */
  initial?: Partial<Attributes<M>>;
  /** The row this legacy row is by natural key, when no new id is remembered for it yet. */
  findExisting?: () => Promise<M | null>;
  /** Why an existing row must not change (a released record), else null. */
  frozenReason?: (row: M) => string | null;
  /** Legacy facts without a column of their own, kept in the audit row. */
  legacyFacts?: Record<string, unknown>;
}

export type LegacyRowOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

function comparable(value: unknown): unknown {
  if (value instanceof Date) {
    return value.getTime();
  }
  return value === undefined ? null : value;
}

/** Imports one legacy row; returns the new row (null when skipped) and what happened. */
export async function importLegacyRow<M extends Model>(
  context: TableContext,
  spec: LegacyRowSpec<M>,
): Promise<{ row: M | null; outcome: LegacyRowOutcome }> {
  const { transaction, summary } = context;
  const rememberedId = spec.ids.get(spec.legacyId);
  let row: M | null = null;
  if (rememberedId !== undefined) {
    row = await spec.model.findByPk(rememberedId, { transaction });
    if (row === null) {
      skip(summary, spec.legacyId, `the ${spec.entity} imported earlier was deleted since`);
      return { row: null, outcome: 'skipped' };
    }
  } else if (spec.findExisting !== undefined) {
    row = await spec.findExisting();
  }
  const source = { table: spec.ids.legacyTable, id: spec.legacyId, ...spec.legacyFacts };

  if (row === null) {
    const created = await spec.model.create(
      { ...spec.initial, ...spec.values } as CreationAttributes<M>,
      { transaction },
    );
    const entityId = Number(created.get('id' as keyof Attributes<M>));
    await appendAudit(transaction, {
      action: LEGACY_IMPORT_ACTION,
      entity: spec.entity,
      entityId,
      actorId: null,
      actorName: LEGACY_IMPORT_ACTOR,
      after: { ...toWire(created), legacySource: source },
      at: context.at,
    });
    await spec.ids.remember(context, spec.legacyId, spec.entity, entityId);
    summary.created += 1;
    return { row: created, outcome: 'created' };
  }

  const existing = row;
  const entityId = Number(existing.get('id' as keyof Attributes<M>));
  await spec.ids.remember(context, spec.legacyId, spec.entity, entityId);
  const changed = (Object.keys(spec.values) as (keyof Attributes<M>)[]).filter(
    (key) => comparable(existing.get(key)) !== comparable(spec.values[key]),
  );
  if (changed.length === 0) {
    summary.unchanged += 1;
    return { row: existing, outcome: 'unchanged' };
  }
  const frozen = spec.frozenReason?.(existing) ?? null;
  if (frozen !== null) {
    skip(summary, spec.legacyId, frozen);
    return { row: existing, outcome: 'skipped' };
  }
  const before = toWire(existing);
  existing.set(spec.values);
  await existing.save({ transaction });
  await appendAudit(transaction, {
    action: LEGACY_IMPORT_ACTION,
    entity: spec.entity,
    entityId,
    actorId: null,
    actorName: LEGACY_IMPORT_ACTOR,
    before,
    after: { ...toWire(existing), legacySource: source },
    at: context.at,
  });
  summary.updated += 1;
  return { row: existing, outcome: 'updated' };
}
