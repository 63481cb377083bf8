/**
 * Database refusals as one typed error the api can translate: a unique key taken, a foreign
 * key (missing referenced row, or a row still in use), or an invalid value. SQLite and MySQL
 * word these differently and Sequelize classifies them unevenly (SQLite CHECK and trigger
 * failures arrive as UniqueConstraintError), so the driver's own message decides.
 */
import { BaseError, ValidationError } from 'sequelize';
import type { Model, ModelStatic } from 'sequelize';
import { RELEASE_RIGHT_PRODUCT_CHECK } from './models/record/releaseRights';

export type DbConstraintKind = 'unique' | 'foreign-key' | 'invalid';
export type DbWriteOperation = 'insert' | 'update' | 'delete';

export interface DbConstraintDetails {
  kind: DbConstraintKind;
  /** The entity (entities.md name) whose write was refused, when known. */
  entity: string | null;
  /**
   * The fields of `entity` concerned: the unique key's fields, the invalid fields, or for a
   * foreign key on insert/update the referencing field (MySQL only; SQLite does not say).
   */
  fields: string[];
  operation: DbWriteOperation | null;
  /** The index, check or foreign-key name the database reported, when it did. */
  constraint: string | null;
  /** For a refused delete: the entity whose rows still reference it (MySQL only). */
  referencedBy: string | null;
}

export class DbConstraintError extends Error implements DbConstraintDetails {
  readonly kind: DbConstraintKind;
  readonly entity: string | null;
  readonly fields: string[];
  readonly operation: DbWriteOperation | null;
  readonly constraint: string | null;
  readonly referencedBy: string | null;

  constructor(details: DbConstraintDetails, options: { cause?: unknown } = {}) {
    const subject = details.entity ?? 'row';
    const on = details.fields.length > 0 ? ` (${details.fields.join(', ')})` : '';
    super(
      `${details.kind} constraint refused the ${details.operation ?? 'write'} of ${subject}${on}`,
      {
        cause: options.cause,
      },
    );
    this.name = 'DbConstraintError';
    this.kind = details.kind;
    this.entity = details.entity;
    this.fields = details.fields;
    this.operation = details.operation;
    this.constraint = details.constraint;
    this.referencedBy = details.referencedBy;
  }
}

interface TableSchema {
  entity: string;
  /** column name → attribute name */
  columns: Map<string, string>;
  /** index name → column names */
  indexes: Map<string, string[]>;
}

const tables = new Map<string, TableSchema>();

const checks = new Map<string, { table: string; columns: string[] }>([
  [RELEASE_RIGHT_PRODUCT_CHECK, { table: 'release_rights', columns: ['tracer_id', 'isotope_id'] }],
]);

function tableNameOf(model: ModelStatic<Model>): string {
  const name = model.getTableName();
  return typeof name === 'string' ? name : name.tableName;
}

/** Teaches the translator the tables, columns and index names of `models`. */
export function registerSchema(models: ModelStatic<Model>[]): void {
  for (const model of models) {
    const table = tableNameOf(model);
    if (tables.has(table)) {
      continue;
    }
    const columns = new Map<string, string>();
    for (const [attribute, definition] of Object.entries(model.getAttributes())) {
      columns.set(definition.field ?? attribute, attribute);
    }
    const indexes = new Map<string, string[]>();
    for (const index of model.options.indexes ?? []) {
      if (index.name !== undefined && index.fields !== undefined) {
        indexes.set(
          index.name,
          index.fields.map((field) => (typeof field === 'string' ? field : String(field))),
        );
      }
    }
    tables.set(table, { entity: model.name, columns, indexes });
  }
}

function entityOf(table: string | null): string | null {
  return table === null ? null : (tables.get(table)?.entity ?? null);
}

/** Internal key columns reported as the field a user typed (the username, not its key). */
const PUBLIC_FIELDS = new Map<string, string>([['users.usernameKey', 'username']]);

function attributesOf(table: string | null, columns: string[]): string[] {
  const schema = table === null ? undefined : tables.get(table);
  return columns.map((column) => {
    const attribute = schema?.columns.get(column) ?? column;
    return PUBLIC_FIELDS.get(`${table}.${attribute}`) ?? attribute;
  });
}

const STATEMENT_PATTERN =
  /^\s*(?:(INSERT)\s+(?:OR\s+\w+\s+)?INTO|(UPDATE)|(DELETE)\s+FROM)\s+[`"]?(\w+)[`"]?/i;

/** The operation and table of the statement that failed. */
function statementOf(sql: string | undefined): {
  operation: DbWriteOperation | null;
  table: string | null;
} {
  const match = sql === undefined ? null : STATEMENT_PATTERN.exec(sql);
  if (match === null) {
    return { operation: null, table: null };
  }
  const operation: DbWriteOperation =
    match[1] !== undefined ? 'insert' : match[2] !== undefined ? 'update' : 'delete';
  return { operation, table: match[4] ?? null };
}

interface DriverError {
  message: string;
  sql?: string;
  code?: string;
  errno?: number;
}

function driverErrorOf(error: BaseError): DriverError | null {
  const parent = (error as { parent?: unknown }).parent;
  if (parent instanceof Error) {
    return parent as DriverError;
  }
  return null;
}

const ER_DUP_ENTRY = 1062;
const ER_BAD_NULL_ERROR = 1048;
const ER_ROW_IS_REFERENCED = [1217, 1451];
const ER_NO_REFERENCED_ROW = [1216, 1452];
const ER_CHECK_CONSTRAINT = [3819, 4025];
const ER_SIGNAL_EXCEPTION = 1644;

function fromDriverError(driver: DriverError): DbConstraintDetails | null {
  const { operation, table } = statementOf(driver.sql);
  const message = driver.message;
  const base = { entity: entityOf(table), operation, constraint: null, referencedBy: null };

  // SQLite: "UNIQUE constraint failed: users.username_key" (several columns comma-separated).
  const sqliteUnique = /UNIQUE constraint failed: (.+)$/.exec(message);
  if (sqliteUnique?.[1] !== undefined) {
    const qualified = sqliteUnique[1].split(',').map((part) => part.trim());
    const uniqueTable = qualified[0]?.split('.')[0] ?? table;
    const columns = qualified.map((part) => part.split('.').pop() ?? part);
    const index = [...(tables.get(uniqueTable ?? '')?.indexes ?? new Map<string, string[]>())].find(
      ([, indexColumns]) => indexColumns.join(',') === columns.join(','),
    );
    return {
      ...base,
      kind: 'unique',
      entity: entityOf(uniqueTable),
      fields: attributesOf(uniqueTable, columns),
      constraint: index?.[0] ?? null,
    };
  }
  // MySQL: "Duplicate entry 'x-y' for key 'name'" (MySQL 8 prefixes the table: 'table.name').
  if (driver.errno === ER_DUP_ENTRY) {
    const key = /for key '(?:[^']*\.)?([^'.]+)'/.exec(message)?.[1] ?? null;
    const columns = key === null ? [] : (tables.get(table ?? '')?.indexes.get(key) ?? []);
    return { ...base, kind: 'unique', fields: attributesOf(table, columns), constraint: key };
  }

  if (/FOREIGN KEY constraint failed/.test(message)) {
    return { ...base, kind: 'foreign-key', fields: [] };
  }
  const mysqlForeignKey =
    /\(`[^`]*`\.`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \(([^)]*)\) REFERENCES `([^`]+)`/.exec(
      message,
    );
  if (
    driver.errno !== undefined &&
    (ER_ROW_IS_REFERENCED.includes(driver.errno) || ER_NO_REFERENCED_ROW.includes(driver.errno))
  ) {
    const childTable = mysqlForeignKey?.[1] ?? null;
    const childColumns = (mysqlForeignKey?.[3] ?? '')
      .split(',')
      .map((column) => column.trim().replace(/`/g, ''))
      .filter((column) => column !== '');
    const refusedDelete = ER_ROW_IS_REFERENCED.includes(driver.errno);
    return {
      ...base,
      kind: 'foreign-key',
      fields: refusedDelete ? [] : attributesOf(childTable, childColumns),
      constraint: mysqlForeignKey?.[2] ?? null,
      referencedBy: refusedDelete ? entityOf(childTable) : null,
    };
  }

  // SQLite: "CHECK constraint failed: name"; MariaDB: "CONSTRAINT `name` failed for …";
  // MySQL 8: "Check constraint 'name' is violated."
  const check =
    /CHECK constraint failed: (\w+)/.exec(message)?.[1] ??
    /CONSTRAINT `([^`]+)` failed/.exec(message)?.[1] ??
    /Check constraint '([^']+)' is violated/.exec(message)?.[1];
  if (
    check !== undefined ||
    (driver.errno !== undefined && ER_CHECK_CONSTRAINT.includes(driver.errno))
  ) {
    const known = check === undefined ? undefined : checks.get(check);
    return {
      ...base,
      kind: 'invalid',
      entity: entityOf(known?.table ?? table),
      fields: known === undefined ? [] : attributesOf(known.table, known.columns),
      constraint: check ?? null,
    };
  }

  const sqliteNotNull = /NOT NULL constraint failed: (\w+)\.(\w+)/.exec(message);
  if (sqliteNotNull?.[1] !== undefined && sqliteNotNull[2] !== undefined) {
    return {
      ...base,
      kind: 'invalid',
      entity: entityOf(sqliteNotNull[1]),
      fields: attributesOf(sqliteNotNull[1], [sqliteNotNull[2]]),
    };
  }
  if (driver.errno === ER_BAD_NULL_ERROR) {
    const column = /Column '([^']+)' cannot be null/.exec(message)?.[1];
    return {
      ...base,
      kind: 'invalid',
      fields: column === undefined ? [] : attributesOf(table, [column]),
    };
  }

  // The append-only triggers of audit_events (RAISE on SQLite, SIGNAL on MySQL).
  if (/append-only/.test(message) || driver.errno === ER_SIGNAL_EXCEPTION) {
    return { ...base, kind: 'invalid', fields: [], constraint: 'append-only' };
  }
  return null;
}

/**
 * `error` as a DbConstraintError when the database (or a model validation) refused a write;
 * null for anything else (connection trouble, programming errors).
 */
export function toDbConstraintError(error: unknown): DbConstraintError | null {
  if (error instanceof DbConstraintError) {
    return error;
  }
  if (!(error instanceof BaseError)) {
    return null;
  }
  const driver = driverErrorOf(error);
  if (driver !== null) {
    const details = fromDriverError(driver);
    if (details !== null) {
      return new DbConstraintError(details, { cause: error });
    }
  }
  if (error instanceof ValidationError) {
    const first = error.errors[0];
    const instance = first?.instance as Model | null | undefined;
    return new DbConstraintError(
      {
        kind: 'invalid',
        entity: instance?.constructor.name ?? null,
        fields: [
          ...new Set(error.errors.map((item) => item.path ?? '').filter((path) => path !== '')),
        ],
        operation:
          instance === undefined || instance === null
            ? null
            : instance.isNewRecord
              ? 'insert'
              : 'update',
        constraint: null,
        referencedBy: null,
      },
      { cause: error },
    );
  }
  return null;
}

/** Rethrows `error` as a DbConstraintError when it is one, unchanged otherwise. */
export function rethrowAsConstraintError(error: unknown): never {
  throw toDbConstraintError(error) ?? error;
}
