/**
 * The record database as first released: GMP records, the RIS booking tables and the audit
 * trail. Sizes, nullability, unique keys and on-delete rules follow docs/domain.md;
 * person references are web-database ids plus a name snapshot (no cross-database keys).
 */
import { Op } from 'sequelize';
import type { RunnableMigration } from 'umzug';
import { column, createIndexes, createTables, dropTables } from '../definitions';
import type { MigrationContext, TableSpec } from '../definitions';

const GENESIS_HASH = '0'.repeat(64);
const PERSON_NAME = 150;
const RELEASE_RIGHT_PRODUCT_CHECK = 'release_rights_exactly_one_product';

const tables: TableSpec[] = [
  {
    name: 'isotopes',
    columns: {
      id: column.id(),
      atomic_number: column.smallint(),
      atomic_mass: column.smallint(),
      atomic_letter: column.string(3),
      halflife_seconds: column.double(),
      metastable: column.boolean(false),
    },
  },
  {
    name: 'tracers',
    columns: {
      id: column.id(),
      shortname: column.string(32),
      clinical_name: column.string(256),
      isotope_id: column.references('isotopes', 'RESTRICT'),
      tracer_type: column.smallint(),
      vial_tag: column.string(32, false, ''),
      archived: column.boolean(false),
      marketed: column.boolean(false),
    },
  },
  {
    name: 'customers',
    columns: {
      id: column.id(),
      short_name: column.string(32),
      long_name: column.string(128, true),
      dispenser_id: column.smallint(true),
      billing_address: column.string(128, true),
      billing_city: column.string(128, true),
      billing_email: column.string(128, true),
      billing_phone: column.string(32, true),
      billing_zip_code: column.string(8, true),
    },
    indexes: [{ name: 'customers_dispenser_id_unique', columns: ['dispenser_id'], unique: true }],
  },
  {
    name: 'delivery_endpoints',
    columns: {
      id: column.id(),
      customer_id: column.references('customers', 'RESTRICT'),
      name: column.string(32, true),
      address: column.string(128, true),
      city: column.string(128, true),
      zip_code: column.string(8, true),
      phone: column.string(32, true),
    },
  },
  {
    name: 'tracer_catalog_pages',
    columns: {
      id: column.id(),
      endpoint_id: column.references('delivery_endpoints', 'RESTRICT'),
      tracer_id: column.references('tracers', 'RESTRICT'),
      overhead_multiplier: column.double(false, 1),
      max_injections: column.smallint(false, 0),
    },
    indexes: [
      {
        name: 'tracer_catalog_pages_endpoint_tracer_unique',
        columns: ['endpoint_id', 'tracer_id'],
        unique: true,
      },
    ],
  },
  {
    name: 'activity_productions',
    columns: {
      id: column.id(),
      tracer_id: column.references('tracers', 'RESTRICT'),
      weekday: column.smallint(),
      production_time: column.time(),
    },
    indexes: [
      {
        name: 'activity_productions_time_weekday_tracer_unique',
        columns: ['production_time', 'weekday', 'tracer_id'],
        unique: true,
      },
    ],
  },
  {
    name: 'activity_delivery_time_slots',
    columns: {
      id: column.id(),
      endpoint_id: column.references('delivery_endpoints', 'RESTRICT'),
      production_id: column.references('activity_productions', 'RESTRICT'),
      delivery_time: column.time(),
      weekly_repeat: column.smallint(),
      expiration_date: column.date(true),
    },
    indexes: [
      {
        name: 'activity_delivery_time_slots_endpoint_time_production_unique',
        columns: ['endpoint_id', 'delivery_time', 'production_id'],
        unique: true,
      },
    ],
  },
  {
    name: 'isotope_productions',
    columns: {
      id: column.id(),
      isotope_id: column.references('isotopes', 'RESTRICT'),
      weekday: column.smallint(),
      production_time: column.time(),
      expiration_date: column.date(true),
    },
  },
  {
    name: 'isotope_deliveries',
    columns: {
      id: column.id(),
      isotope_production_id: column.references('isotope_productions', 'RESTRICT'),
      endpoint_id: column.references('delivery_endpoints', 'RESTRICT'),
      delivery_time: column.time(),
      weekly_repeat: column.smallint(false, 0),
    },
  },
  {
    name: 'deadlines',
    columns: {
      id: column.id(),
      deadline_type: column.smallint(),
      deadline_time: column.time(true),
      weekday: column.smallint(true),
      applies_to: column.string(16, true),
    },
    indexes: [{ name: 'deadlines_applies_to_unique', columns: ['applies_to'], unique: true }],
  },
  {
    name: 'closed_dates',
    columns: { id: column.id(), close_date: column.date() },
    indexes: [{ name: 'closed_dates_close_date', columns: ['close_date'] }],
  },
  {
    name: 'activity_orders',
    columns: {
      id: column.id(),
      ordered_activity: column.double(),
      delivery_date: column.date(),
      status: column.smallint(),
      comment: column.string(800, true),
      ordered_time_slot_id: column.references('activity_delivery_time_slots', 'RESTRICT'),
      moved_to_time_slot_id: column.references('activity_delivery_time_slots', 'RESTRICT', true),
      ordered_by_id: column.integer(true),
      ordered_by_name: column.string(PERSON_NAME, true),
      freed_at: column.instant(true),
      freed_by_id: column.integer(true),
      freed_by_name: column.string(PERSON_NAME, true),
    },
    indexes: [{ name: 'activity_orders_delivery_date', columns: ['delivery_date'] }],
  },
  {
    name: 'injection_orders',
    columns: {
      id: column.id(),
      endpoint_id: column.references('delivery_endpoints', 'RESTRICT'),
      tracer_id: column.references('tracers', 'RESTRICT'),
      delivery_date: column.date(),
      delivery_time: column.time(),
      injections: column.smallint(),
      tracer_usage: column.smallint(),
      status: column.smallint(),
      comment: column.string(800, true),
      lot_number: column.string(32, true),
      max_injection_volume: column.double(true),
      ordered_by_id: column.integer(true),
      ordered_by_name: column.string(PERSON_NAME, true),
      freed_at: column.instant(true),
      freed_by_id: column.integer(true),
      freed_by_name: column.string(PERSON_NAME, true),
    },
    indexes: [{ name: 'injection_orders_delivery_date', columns: ['delivery_date'] }],
  },
  {
    name: 'isotope_orders',
    columns: {
      id: column.id(),
      isotope_delivery_id: column.references('isotope_deliveries', 'RESTRICT'),
      delivery_date: column.date(),
      ordered_activity: column.double(),
      status: column.smallint(false, 1),
      comment: column.string(800, false, ''),
      ordered_by_id: column.integer(),
      ordered_by_name: column.string(PERSON_NAME),
      freed_at: column.instant(true),
      freed_by_id: column.integer(true),
      freed_by_name: column.string(PERSON_NAME, true),
    },
    indexes: [{ name: 'isotope_orders_delivery_date', columns: ['delivery_date'] }],
  },
  {
    name: 'vials',
    columns: {
      id: column.id(),
      tracer_id: column.references('tracers', 'RESTRICT', true),
      customer_id: column.references('customers', 'RESTRICT', true),
      lot_number: column.string(32),
      fill_date: column.date(),
      fill_time: column.time(),
      activity: column.double(),
      volume: column.double(),
      assigned_to_id: column.references('activity_orders', 'RESTRICT', true),
    },
    indexes: [{ name: 'vials_fill_date_fill_time', columns: ['fill_date', 'fill_time'] }],
  },
  {
    name: 'isotope_vials',
    columns: {
      id: column.id(),
      isotope_id: column.references('isotopes', 'RESTRICT'),
      batch_number: column.string(128),
      calibrated_at: column.instant(),
      activity: column.double(),
      volume: column.double(),
      delivered_with_id: column.references('isotope_orders', 'RESTRICT', true),
    },
    indexes: [{ name: 'isotope_vials_calibrated_at', columns: ['calibrated_at'] }],
  },
  {
    name: 'release_rights',
    columns: {
      id: column.id(),
      user_id: column.integer(),
      user_name: column.string(PERSON_NAME),
      tracer_id: column.references('tracers', 'RESTRICT', true),
      isotope_id: column.references('isotopes', 'RESTRICT', true),
      expiry_date: column.date(true),
    },
    indexes: [{ name: 'release_rights_user_id', columns: ['user_id'] }],
  },
  {
    name: 'locations',
    columns: {
      id: column.id(),
      location_code: column.string(120),
      common_name: column.string(120, true),
      endpoint_id: column.references('delivery_endpoints', 'RESTRICT', true),
    },
    indexes: [{ name: 'locations_location_code_unique', columns: ['location_code'], unique: true }],
  },
  {
    name: 'procedure_identifiers',
    columns: {
      id: column.id(),
      code: column.string(128, true),
      description: column.string(255, true),
      is_pet: column.boolean(true),
    },
    indexes: [
      { name: 'procedure_identifiers_code_unique', columns: ['code'], unique: true },
      { name: 'procedure_identifiers_description_unique', columns: ['description'], unique: true },
    ],
  },
  {
    name: 'procedures',
    columns: {
      id: column.id(),
      procedure_identifier_id: column.references('procedure_identifiers', 'RESTRICT'),
      endpoint_id: column.references('delivery_endpoints', 'RESTRICT'),
      tracer_id: column.references('tracers', 'RESTRICT'),
      tracer_units: column.double(false, 0),
      delay_minutes: column.double(false, 0),
    },
    indexes: [
      {
        name: 'procedures_identifier_endpoint_unique',
        columns: ['procedure_identifier_id', 'endpoint_id'],
        unique: true,
      },
    ],
  },
  {
    name: 'bookings',
    columns: {
      id: column.id(),
      accession_number: column.string(32, true),
      location_id: column.references('locations', 'RESTRICT'),
      procedure_identifier_id: column.references('procedure_identifiers', 'RESTRICT'),
      start_date: column.date(),
      start_time: column.time(),
      status: column.smallint(false, 0),
    },
    indexes: [
      { name: 'bookings_accession_number_unique', columns: ['accession_number'], unique: true },
      { name: 'bookings_location_start_date', columns: ['location_id', 'start_date'] },
      { name: 'bookings_start', columns: ['start_date', 'start_time'] },
    ],
  },
  {
    name: 'audit_events',
    columns: {
      id: column.id(),
      at: column.instant(),
      actor_id: column.integer(true),
      actor_name: column.string(PERSON_NAME, true),
      action: column.string(64),
      entity: column.string(64),
      entity_id: column.integer(true),
      before: column.longText(true),
      after: column.longText(true),
      hash: column.char(64),
      previous_hash: column.char(64),
    },
    indexes: [
      { name: 'audit_events_previous_hash_unique', columns: ['previous_hash'], unique: true },
      { name: 'audit_events_entity', columns: ['entity', 'entity_id'] },
      { name: 'audit_events_at', columns: ['at'] },
    ],
  },
  {
    name: 'audit_chain_head',
    columns: {
      id: { ...column.integer(), primaryKey: true },
      last_hash: column.char(64),
      last_event_id: column.integer(true),
    },
  },
];

const APPEND_ONLY_MESSAGE = 'audit_events is append-only';

function appendOnlyTriggers(dialect: string): string[] {
  return (['UPDATE', 'DELETE'] as const).map((operation) => {
    const name = `audit_events_no_${operation.toLowerCase()}`;
    return dialect === 'sqlite'
      ? `CREATE TRIGGER ${name} BEFORE ${operation} ON audit_events ` +
          `BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}'); END`
      : `CREATE TRIGGER ${name} BEFORE ${operation} ON audit_events FOR EACH ROW ` +
          `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${APPEND_ONLY_MESSAGE}'`;
  });
}

export const migration: RunnableMigration<MigrationContext> = {
  name: '0001-initial',
  async up({ context: { queryInterface, sequelize } }) {
    const releaseRights = tables.find((table) => table.name === 'release_rights');
    await createTables(
      queryInterface,
      tables.map((table) => (table === releaseRights ? { ...table, indexes: [] } : table)),
    );
    // A right names a tracer or an isotope, never both or neither. SQLite adds a CHECK by
    // rebuilding the table, which loses its indexes: they are created afterwards.
    await queryInterface.addConstraint('release_rights', {
      type: 'check',
      name: RELEASE_RIGHT_PRODUCT_CHECK,
      fields: ['tracer_id', 'isotope_id'],
      where: {
        [Op.or]: [
          { tracer_id: { [Op.ne]: null }, isotope_id: null },
          { tracer_id: null, isotope_id: { [Op.ne]: null } },
        ],
      },
    });
    if (releaseRights !== undefined && sequelize.getDialect() === 'sqlite') {
      await createIndexes(queryInterface, releaseRights);
    } else if (releaseRights !== undefined) {
      // MySQL kept the foreign-key indexes; only the declared ones are missing.
      for (const index of releaseRights.indexes ?? []) {
        await queryInterface.addIndex('release_rights', index.columns, { name: index.name });
      }
    }
    await queryInterface.bulkInsert('audit_chain_head', [
      { id: 1, last_hash: GENESIS_HASH, last_event_id: null },
    ]);
    for (const statement of appendOnlyTriggers(sequelize.getDialect())) {
      await sequelize.query(statement);
    }
  },
  async down({ context: { queryInterface, sequelize } }) {
    for (const name of ['audit_events_no_update', 'audit_events_no_delete']) {
      await sequelize.query(`DROP TRIGGER IF EXISTS ${name}`);
    }
    await dropTables(queryInterface, tables);
  },
};
