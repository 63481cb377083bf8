/**
 * The seed writes through the audit trail as the api does: every record it creates is appended
 * as `<entity>.create` with the row as created, every step it takes an order through under the
 * api's action ('activityOrder.accept', 'activityOrder.release' with its signature manifest).
 * The actor is the seed and the time the seed moment, so the trail says truthfully who wrote
 * the demo and when; a new site's trail starts complete and verifies. The events are kept in
 * order and appended in one go by `commit`, inside the seed's record transaction.
 */
import type { CreationAttributes, Model, ModelStatic, Transaction } from 'sequelize';
import { appendAuditEvents } from '../audit';
import type { AuditEventInput } from '../audit';

/** The actor name of every audit event the seed appends. */
export const SEED_ACTOR = 'seed';

/** Fields no audit snapshot carries (the api's wire form leaves them out as well). */
const SECRET_FIELDS = new Set(['passwordHash', 'usernameKey']);

/** What a seeded audit event says; the seed adds actor and time. */
export interface SeedAuditEntry {
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

type RowWithId = Model & { id: number };

/** The row as the api snapshots it: plain values, no secrets. */
export function snapshotOf(row: Model): Record<string, unknown> {
  const plain = row.get({ plain: true }) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(plain).filter(([key]) => !SECRET_FIELDS.has(key)));
}

/** 'ActivityOrder' → 'activityOrder', the prefix of the api's audit actions. */
function actionPrefixOf(entity: string): string {
  return entity.charAt(0).toLowerCase() + entity.slice(1);
}

export class SeedTrail {
  private readonly events: AuditEventInput[] = [];

  constructor(
    /** The record database's transaction the events join. */
    readonly transaction: Transaction,
    private readonly at: Date,
  ) {}

  /** Audit events recorded so far. */
  get count(): number {
    return this.events.length;
  }

  /** Records an event, appended to the trail by `commit`. */
  audit(entry: SeedAuditEntry): void {
    this.events.push({ ...entry, actorId: null, actorName: SEED_ACTOR, at: this.at });
  }

  /** Appends the recorded events to the audit trail, in the order they happened. */
  async commit(): Promise<void> {
    await appendAuditEvents(this.transaction, this.events.splice(0));
  }

  /**
   * Creates a row and appends its `<entity>.create` with the row as created. `transaction`:
   * the web database's for web rows (audited here too); `after`: what the trail may keep of
   * the row when that is less than all of it (bookings: no accession numbers).
   */
  async create<M extends RowWithId>(
    model: ModelStatic<M>,
    values: CreationAttributes<M>,
    options: { transaction?: Transaction; after?: (row: M) => unknown } = {},
  ): Promise<M> {
    const row = await model.create(values, {
      transaction: options.transaction ?? this.transaction,
    });
    this.audit({
      action: `${actionPrefixOf(model.name)}.create`,
      entity: model.name,
      entityId: row.id,
      after: options.after === undefined ? snapshotOf(row) : options.after(row),
    });
    return row;
  }

  /** Changes a row and appends `<entity>.<verb>` with the row before and after. */
  async change<M extends RowWithId>(
    row: M,
    verb: string,
    values: Partial<CreationAttributes<M>>,
  ): Promise<M> {
    const before = snapshotOf(row);
    row.set(values);
    await row.save({ transaction: this.transaction });
    const entity = (row.constructor as ModelStatic<M>).name;
    this.audit({
      action: `${actionPrefixOf(entity)}.${verb}`,
      entity,
      entityId: row.id,
      before,
      after: snapshotOf(row),
    });
    return row;
  }
}
