/**
 * Migration 0009-audit-indexes: the audit trail is read by action and by user (the filters of
 * "Revisionsspor") and by customer, whose events are those of its orders and vials
 * (docs/domain.md, "The audit trail in words"); the columns these reads look up are indexed,
 * so a page of a year's trail stays fast. (MariaDB indexes foreign keys itself; SQLite does
 * not.)
 */
import type { RunnableMigration } from 'umzug';
import type { MigrationContext } from '../definitions';

export const AUDIT_READING_INDEXES = [
  { table: 'audit_events', column: 'action', name: 'audit_events_action' },
  { table: 'audit_events', column: 'actor_id', name: 'audit_events_actor' },
  {
    table: 'activity_orders',
    column: 'ordered_time_slot_id',
    name: 'activity_orders_ordered_time_slot',
  },
  {
    table: 'activity_orders',
    column: 'moved_to_time_slot_id',
    name: 'activity_orders_moved_to_time_slot',
  },
  { table: 'injection_orders', column: 'endpoint_id', name: 'injection_orders_endpoint' },
  { table: 'vials', column: 'customer_id', name: 'vials_customer' },
] as const;

export const migration: RunnableMigration<MigrationContext> = {
  name: '0009-audit-indexes',
  async up({ context: { queryInterface } }) {
    for (const { table, column, name } of AUDIT_READING_INDEXES) {
      await queryInterface.addIndex(table, [column], { name });
    }
  },
  async down({ context: { queryInterface } }) {
    for (const { table, name } of AUDIT_READING_INDEXES) {
      await queryInterface.removeIndex(table, name);
    }
  },
};
