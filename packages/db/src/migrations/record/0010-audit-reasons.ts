/**
 * Migration 0010-audit-reasons: the reason a user gave for a change of a GMP record (a dose
 * edited after acceptance, a move, a correction, a vial edit) is kept with its audit event
 * (docs/domain.md, "Reasons for changes") and is part of the event's hash when there is one,
 * so every event written before still verifies. The column is dropped with plain SQL both ways:
 * rebuilding the table, as Sequelize does for SQLite, would lose its append-only triggers.
 */
import type { RunnableMigration } from 'umzug';
import type { MigrationContext } from '../definitions';

/** Longest reason for a change (the model's AUDIT_REASON_LENGTH as it was then). */
const REASON_LENGTH = 500;

export const migration: RunnableMigration<MigrationContext> = {
  name: '0010-audit-reasons',
  async up({ context: { queryInterface } }) {
    await queryInterface.sequelize.query(
      `ALTER TABLE audit_events ADD COLUMN reason VARCHAR(${REASON_LENGTH}) NULL`,
    );
  },
  async down({ context: { queryInterface } }) {
    await queryInterface.sequelize.query('ALTER TABLE audit_events DROP COLUMN reason');
  },
};
