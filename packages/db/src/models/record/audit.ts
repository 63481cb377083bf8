/**
 * The audit trail: append-only rows, each hashed together with the previous row's hash
 * (docs/domain.md). The database refuses UPDATE and DELETE on audit_events (triggers); the one
 * row of audit_chain_head is the lock that serializes appends and names the latest hash.
 */
import { DataTypes, Model } from 'sequelize';
import type {
  CreationOptional,
  InferAttributes,
  InferCreationAttributes,
  Sequelize,
} from 'sequelize';
import {
  calendarDateColumn,
  foreignIdColumn,
  idColumn,
  instantColumn,
  stringColumn,
} from '../columns';
import { PERSON_NAME_LENGTH } from './orders';

/** The previousHash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export class AuditEvent extends Model<
  InferAttributes<AuditEvent>,
  InferCreationAttributes<AuditEvent>
> {
  declare id: CreationOptional<number>;
  declare at: Date;
  /** Web-database user id; null for the system (services, seeding). */
  declare actorId: number | null;
  declare actorName: string | null;
  /** What happened, `<entity>.<verb>`: 'activityOrder.release'. */
  declare action: string;
  /** The entity name of entities.md: 'ActivityOrder'. */
  declare entity: string;
  declare entityId: number | null;
  /** Canonical JSON of the values before the change; null for a creation. */
  declare before: string | null;
  /** Canonical JSON of the values after the change; null for a deletion. */
  declare after: string | null;
  /** Why the user made the change, where they were asked (docs/domain.md); else null. */
  declare reason: CreationOptional<string | null>;
  declare hash: string;
  declare previousHash: string;
}

export class AuditChainHead extends Model<
  InferAttributes<AuditChainHead>,
  InferCreationAttributes<AuditChainHead>
> {
  declare id: number;
  declare lastHash: string;
  declare lastEventId: number | null;
}

/**
 * A periodic review of the audit trail (docs/domain.md, "Audit trail reviews"): a site admin
 * read the events of a period of site days and signed that with their password; the chain's
 * verification at that moment is kept with it. Written once, never changed.
 */
export class AuditReview extends Model<
  InferAttributes<AuditReview>,
  InferCreationAttributes<AuditReview>
> {
  declare id: CreationOptional<number>;
  /** First and last site day of the reviewed period, 'YYYY-MM-DD'. */
  declare fromDate: string;
  declare toDate: string;
  declare reviewedAt: Date;
  declare reviewerId: number;
  declare reviewerName: string;
  declare comment: string;
  /** Whether the whole chain verified when the review was signed, and how many events. */
  declare chainOk: boolean;
  declare eventsChecked: number;
}

/** Longest reason for a change kept with an audit event (migration 0010). */
export const AUDIT_REASON_LENGTH = 500;

/** Longest review comment. */
export const REVIEW_COMMENT_LENGTH = 1000;

export function defineAuditModels(sequelize: Sequelize) {
  class AuditEventRow extends AuditEvent {}
  AuditEventRow.init(
    {
      id: idColumn(),
      at: instantColumn(),
      actorId: foreignIdColumn(),
      actorName: stringColumn(PERSON_NAME_LENGTH, true),
      action: stringColumn(64),
      entity: stringColumn(64),
      entityId: { type: DataTypes.INTEGER, allowNull: true },
      before: { type: DataTypes.TEXT('long'), allowNull: true },
      after: { type: DataTypes.TEXT('long'), allowNull: true },
      reason: stringColumn(AUDIT_REASON_LENGTH, true),
      hash: { type: DataTypes.CHAR(64), allowNull: false },
      previousHash: { type: DataTypes.CHAR(64), allowNull: false },
    },
    {
      sequelize,
      modelName: 'AuditEvent',
      tableName: 'audit_events',
      indexes: [
        // A second row claiming the same predecessor would fork the chain.
        { name: 'audit_events_previous_hash_unique', unique: true, fields: ['previous_hash'] },
        { name: 'audit_events_entity', fields: ['entity', 'entity_id'] },
        { name: 'audit_events_at', fields: ['at'] },
        { name: 'audit_events_action', fields: ['action'] },
        { name: 'audit_events_actor', fields: ['actor_id'] },
      ],
    },
  );

  class AuditChainHeadRow extends AuditChainHead {}
  AuditChainHeadRow.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
      lastHash: { type: DataTypes.CHAR(64), allowNull: false },
      lastEventId: { type: DataTypes.INTEGER, allowNull: true },
    },
    { sequelize, modelName: 'AuditChainHead', tableName: 'audit_chain_head' },
  );

  class AuditReviewRow extends AuditReview {}
  AuditReviewRow.init(
    {
      id: idColumn(),
      fromDate: calendarDateColumn(),
      toDate: calendarDateColumn(),
      reviewedAt: instantColumn(),
      reviewerId: { type: DataTypes.INTEGER, allowNull: false },
      reviewerName: stringColumn(PERSON_NAME_LENGTH),
      comment: stringColumn(REVIEW_COMMENT_LENGTH),
      chainOk: { type: DataTypes.BOOLEAN, allowNull: false },
      eventsChecked: { type: DataTypes.INTEGER, allowNull: false },
    },
    {
      sequelize,
      modelName: 'AuditReview',
      tableName: 'audit_reviews',
      indexes: [{ name: 'audit_reviews_period', fields: ['from_date', 'to_date'] }],
    },
  );

  return {
    AuditEvent: AuditEventRow as typeof AuditEvent,
    AuditChainHead: AuditChainHeadRow as typeof AuditChainHead,
    AuditReview: AuditReviewRow as typeof AuditReview,
  };
}
