/**
 * The audit trail (docs/domain.md): every change to a GMP record appends one row whose
 * `hash = sha256(previousHash + canonical JSON of the event)`. Rows cannot be changed or
 * deleted (database triggers), and verifyAuditChain finds a row altered behind the
 * database's back.
 */
import { createHash } from 'node:crypto';
import { Op } from 'sequelize';
import type { Sequelize, Transaction } from 'sequelize';
import { GENESIS_HASH } from './models/record/audit';
import type { AuditChainHead, AuditEvent } from './models/record/audit';

export { GENESIS_HASH };

/** What the caller says happened. */
export interface AuditEventInput {
  /** `<entity>.<verb>`, e.g. 'activityOrder.release'. */
  action: string;
  /** The entities.md name of the changed entity, e.g. 'ActivityOrder'. */
  entity: string;
  entityId?: number | null;
  /** Web-database user id of the actor; null for the system. */
  actorId: number | null;
  /** Snapshot of the actor's name (the record database stands alone). */
  actorName: string | null;
  /** Values before the change (omit or null for a creation). */
  before?: unknown;
  /** Values after the change (omit or null for a deletion). */
  after?: unknown;
  /** Why the user made the change, where they were asked for a reason. */
  reason?: string | null;
  /** When it happened; default now. */
  at?: Date;
}

/** The hashed part of a row: everything but id, hash and previousHash. */
export interface AuditedFields {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: string | null;
  after: string | null;
  /** Absent or null: no reason was asked for (not hashed then). */
  reason?: string | null;
}

function canonicalValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') {
      // Dates, Sequelize rows and the like serialize through their own toJSON first.
      return canonicalValue(withToJson.toJSON());
    }
    if (Array.isArray(value)) {
      return value.map((item) => {
        const canonical = canonicalValue(item);
        return canonical === undefined ? null : canonical;
      });
    }
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const canonical = canonicalValue((value as Record<string, unknown>)[key]);
      if (canonical !== undefined) {
        sorted[key] = canonical;
      }
    }
    return sorted;
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (typeof value === 'function' || typeof value === 'symbol') {
    return undefined;
  }
  return value;
}

/**
 * JSON with object keys sorted at every depth, no whitespace; otherwise JSON.stringify's rules
 * (undefined members dropped, non-finite numbers as null, dates as ISO-8601 text).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value)) ?? 'null';
}

/** The hash of a row whose predecessor's hash is `previousHash`. */
export function auditHash(previousHash: string, fields: AuditedFields): string {
  const event = {
    action: fields.action,
    actorId: fields.actorId,
    actorName: fields.actorName,
    after: fields.after,
    at: fields.at.toISOString(),
    before: fields.before,
    entity: fields.entity,
    entityId: fields.entityId,
    // Hashed only when given, so the events written before reasons existed still verify.
    ...(fields.reason === null || fields.reason === undefined ? {} : { reason: fields.reason }),
  };
  return createHash('sha256')
    .update(previousHash + canonicalJson(event), 'utf8')
    .digest('hex');
}

function snapshot(values: unknown): string | null {
  return values === undefined || values === null ? null : canonicalJson(values);
}

function recordDatabaseOf(transaction: Transaction): Sequelize {
  // Sequelize keeps the instance on the transaction; its typings leave it out.
  const sequelize = (transaction as unknown as { sequelize?: Sequelize }).sequelize;
  if (sequelize === undefined) {
    throw new Error('appendAudit needs a Sequelize transaction of the record database');
  }
  return sequelize;
}

function auditModelsOf(sequelize: Sequelize): {
  AuditEvent: typeof AuditEvent;
  AuditChainHead: typeof AuditChainHead;
} {
  const event = sequelize.models.AuditEvent;
  const head = sequelize.models.AuditChainHead;
  if (event === undefined || head === undefined) {
    throw new Error('The audit trail lives in the record database (no AuditEvent model here)');
  }
  return {
    AuditEvent: event as unknown as typeof AuditEvent,
    AuditChainHead: head as unknown as typeof AuditChainHead,
  };
}

const HEAD_ID = 1;

/** Rows per INSERT of appendAuditEvents (well inside every dialect's statement limits). */
const BATCH_ROWS = 200;

/** The chain head row, locked for this transaction (SELECT … FOR UPDATE on MySQL). */
async function lockedHead(
  models: ReturnType<typeof auditModelsOf>,
  transaction: Transaction,
): Promise<AuditChainHead> {
  const head = await models.AuditChainHead.findByPk(HEAD_ID, {
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (head === null) {
    throw new Error('audit_chain_head is missing its row: is the record database migrated?');
  }
  return head;
}

function auditedFieldsOf(event: AuditEventInput): AuditedFields {
  return {
    at: event.at ?? new Date(),
    actorId: event.actorId,
    actorName: event.actorName,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    before: snapshot(event.before),
    after: snapshot(event.after),
    reason: event.reason ?? null,
  };
}

/**
 * Appends one event to the audit trail inside `transaction` (the mutation's own, so the event
 * commits or rolls back with the change). Concurrent appends are serialized by locking the
 * chain head row (SELECT … FOR UPDATE on MySQL; SQLite transactions from withTransaction hold
 * the write lock already).
 */
export async function appendAudit(
  transaction: Transaction,
  event: AuditEventInput,
): Promise<AuditEvent> {
  const models = auditModelsOf(recordDatabaseOf(transaction));
  const head = await lockedHead(models, transaction);
  const fields = auditedFieldsOf(event);
  const previousHash = head.lastHash;
  const hash = auditHash(previousHash, fields);
  const row = await models.AuditEvent.create({ ...fields, hash, previousHash }, { transaction });
  await models.AuditChainHead.update(
    { lastHash: hash, lastEventId: row.id },
    { where: { id: HEAD_ID }, transaction },
  );
  return row;
}

/**
 * Appends many events, in order, as appendAudit would one by one, but with the head locked
 * and moved once and the rows inserted in batches: for writers of hundreds of records in one
 * transaction (the demo seed). Returns how many were appended.
 */
export async function appendAuditEvents(
  transaction: Transaction,
  events: readonly AuditEventInput[],
): Promise<number> {
  if (events.length === 0) {
    return 0;
  }
  const models = auditModelsOf(recordDatabaseOf(transaction));
  const head = await lockedHead(models, transaction);
  let previousHash = head.lastHash;
  const rows = events.map((event) => {
    const fields = auditedFieldsOf(event);
    const hash = auditHash(previousHash, fields);
    const row = { ...fields, hash, previousHash };
    previousHash = hash;
    return row;
  });
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await models.AuditEvent.bulkCreate(rows.slice(start, start + BATCH_ROWS), { transaction });
  }
  // The last row is the one with the highest id: ids grow with insertion order.
  const lastEventId = await models.AuditEvent.max<number, AuditEvent>('id', { transaction });
  await models.AuditChainHead.update(
    { lastHash: previousHash, lastEventId },
    { where: { id: HEAD_ID }, transaction },
  );
  return rows.length;
}

export type AuditChainBreak =
  /** The row's hash is not the hash of its contents: the row was altered. */
  | 'hash'
  /** The row does not name its predecessor's hash: a row was removed or inserted. */
  | 'link'
  /** The chain head does not name the last row: rows were removed from the end. */
  | 'head';

export interface AuditChainReport {
  ok: boolean;
  /** Rows checked (up to and including the first broken one). */
  checked: number;
  /** The hash of the last intact row (GENESIS_HASH for an empty trail). */
  lastHash: string;
  firstBroken: { id: number | null; reason: AuditChainBreak } | null;
}

/** Walks the whole audit trail in id order and reports the first row that breaks the chain. */
export async function verifyAuditChain(
  record: Sequelize,
  options: { batchSize?: number } = {},
): Promise<AuditChainReport> {
  const models = auditModelsOf(record);
  const batchSize = options.batchSize ?? 1000;
  let expectedPrevious = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await models.AuditEvent.findAll({
      where: { id: { [Op.gt]: lastId } },
      order: [['id', 'ASC']],
      limit: batchSize,
    });
    for (const row of rows) {
      checked += 1;
      if (row.previousHash !== expectedPrevious) {
        return {
          ok: false,
          checked,
          lastHash: expectedPrevious,
          firstBroken: { id: row.id, reason: 'link' },
        };
      }
      const hash = auditHash(row.previousHash, row);
      if (hash !== row.hash) {
        return {
          ok: false,
          checked,
          lastHash: expectedPrevious,
          firstBroken: { id: row.id, reason: 'hash' },
        };
      }
      expectedPrevious = row.hash;
      lastId = row.id;
    }
    if (rows.length < batchSize) {
      break;
    }
  }
  const head = await models.AuditChainHead.findByPk(HEAD_ID);
  if (head === null || head.lastHash !== expectedPrevious) {
    return {
      ok: false,
      checked,
      lastHash: expectedPrevious,
      firstBroken: { id: head?.lastEventId ?? null, reason: 'head' },
    };
  }
  return { ok: true, checked, lastHash: expectedPrevious, firstBroken: null };
}
