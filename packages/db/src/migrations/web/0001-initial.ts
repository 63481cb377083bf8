/**
 * The web database as first released: accounts, sessions, settings and operational logs.
 * Customer ids here name rows of the record database (no cross-database keys).
 */
import type { RunnableMigration } from 'umzug';
import { column, createTables, dropTables } from '../definitions';
import type { MigrationContext, TableSpec } from '../definitions';

const tables: TableSpec[] = [
  {
    name: 'users',
    columns: {
      id: column.id(),
      username: column.string(120),
      // lower-case username; unique here makes usernames unique case-insensitively.
      username_key: column.string(120),
      display_name: column.string(150, false, ''),
      user_group: column.smallint(false, 0),
      active: column.boolean(true),
      password_hash: column.string(255, true),
      source: column.string(16, false, 'local'),
      last_login_at: column.instant(true),
    },
    indexes: [{ name: 'users_username_key_unique', columns: ['username_key'], unique: true }],
  },
  {
    name: 'sessions',
    columns: {
      id: { ...column.string(64), primaryKey: true },
      user_id: column.references('users', 'CASCADE'),
      created_at: column.instant(),
      expires_at: column.instant(),
      last_seen_at: column.instant(),
    },
    indexes: [
      { name: 'sessions_user_id', columns: ['user_id'] },
      { name: 'sessions_expires_at', columns: ['expires_at'] },
    ],
  },
  {
    name: 'user_assignments',
    columns: {
      id: column.id(),
      user_id: column.references('users', 'CASCADE'),
      customer_id: column.integer(),
    },
    indexes: [
      {
        name: 'user_assignments_user_customer_unique',
        columns: ['user_id', 'customer_id'],
        unique: true,
      },
    ],
  },
  {
    name: 'printers',
    columns: {
      id: column.id(),
      name: column.string(48),
      host: column.string(255),
      port: column.integer(false, 9100),
      uri: column.string(255, true),
      label_printer: column.boolean(false),
    },
    indexes: [{ name: 'printers_name_unique', columns: ['name'], unique: true }],
  },
  {
    name: 'service_addresses',
    columns: {
      id: column.id(),
      kind: column.string(16),
      host: column.string(255),
      port: column.integer(),
      ae_title: column.string(16, true),
      description: column.string(120, true),
    },
  },
  {
    name: 'server_settings',
    columns: {
      id: { ...column.integer(), primaryKey: true },
      date_range_days: column.integer(false, 64),
      admin_phone: column.string(32, false, ''),
      admin_email: column.string(64, false, ''),
      active_printer_id: column.references('printers', 'RESTRICT', true),
      active_label_printer_id: column.references('printers', 'RESTRICT', true),
      ris_address_id: column.references('service_addresses', 'SET NULL', true),
    },
  },
  {
    name: 'login_events',
    columns: {
      id: column.id(),
      at: column.instant(),
      username: column.string(120),
      success: column.boolean(false),
      reason: column.string(64, true),
      remote_address: column.string(45, true),
    },
    indexes: [{ name: 'login_events_at', columns: ['at'] }],
  },
  {
    name: 'telemetry_records',
    columns: {
      id: column.id(),
      at: column.instant(),
      procedure: column.string(120),
      latency_ms: column.double(true),
      ok: column.boolean(true),
    },
    indexes: [
      { name: 'telemetry_records_at', columns: ['at'] },
      { name: 'telemetry_records_procedure_at', columns: ['procedure', 'at'] },
    ],
  },
  {
    name: 'customer_notices',
    columns: {
      id: column.id(),
      message: column.text(),
      expires_on: column.date(true),
      // JSON array of record-database customer ids; no default (MySQL TEXT takes none).
      customer_ids: column.text(),
    },
  },
];

export const migration: RunnableMigration<MigrationContext> = {
  name: '0001-initial',
  async up({ context: { queryInterface } }) {
    await createTables(queryInterface, tables);
    // The settings singleton exists from the start; the api only ever updates it.
    await queryInterface.bulkInsert('server_settings', [
      { id: 1, date_range_days: 64, admin_phone: '', admin_email: '' },
    ]);
  },
  async down({ context: { queryInterface } }) {
    await dropTables(queryInterface, tables);
  },
};
