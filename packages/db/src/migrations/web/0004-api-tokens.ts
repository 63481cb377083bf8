/**
 * Migration 0004-api-tokens: named tokens for scripts (docs/scripts.md, "Tokens"). Only the
 * SHA-256 of a token is stored; the token itself is shown once, when it is created. A token
 * belongs to the person who created it and ends with its owner: deleting the owner deletes it.
 */
import type { RunnableMigration } from 'umzug';
import { column, createTables, dropTables } from '../definitions';
import type { MigrationContext, TableSpec } from '../definitions';

const tables: TableSpec[] = [
  {
    name: 'api_tokens',
    columns: {
      id: column.id(),
      name: column.string(60),
      token_hash: column.char(64),
      owner_id: column.references('users', 'CASCADE'),
      user_group: column.smallint(),
      access: column.string(16),
      customer_ids: column.text(),
      created_at: column.instant(),
      expires_at: column.instant(),
      revoked_at: column.instant(true),
      revoked_by_name: column.string(256, true),
      last_used_at: column.instant(true),
      last_used_from: column.string(64, true),
    },
    indexes: [
      { name: 'api_tokens_token_hash_unique', columns: ['token_hash'], unique: true },
      { name: 'api_tokens_owner_id', columns: ['owner_id'] },
    ],
  },
];

export const migration: RunnableMigration<MigrationContext> = {
  name: '0004-api-tokens',
  async up({ context: { queryInterface } }) {
    await createTables(queryInterface, tables);
  },
  async down({ context: { queryInterface } }) {
    await dropTables(queryInterface, tables);
  },
};
