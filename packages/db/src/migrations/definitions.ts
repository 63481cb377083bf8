/**
 * Building blocks of migrations. A migration, once released, must create the same schema
 * forever: change nothing here that an existing migration uses; add a new block instead.
 */
import { DataTypes } from 'sequelize';
import type { ModelAttributeColumnOptions, QueryInterface, Sequelize } from 'sequelize';

/** What every migration receives from umzug. */
export interface MigrationContext {
  queryInterface: QueryInterface;
  sequelize: Sequelize;
}

export type ColumnSpec = ModelAttributeColumnOptions;

export interface IndexSpec {
  name: string;
  columns: string[];
  unique?: boolean;
}

export interface TableSpec {
  name: string;
  columns: Record<string, ColumnSpec>;
  indexes?: IndexSpec[];
}

/** MySQL tables: InnoDB (foreign keys, row locks) and a binary collation, so that text keys
 * compare case- and accent-sensitively exactly as on SQLite. */
const MYSQL_TABLE_OPTIONS = { engine: 'InnoDB', charset: 'utf8mb4', collate: 'utf8mb4_bin' };

export type OnDelete = 'RESTRICT' | 'CASCADE' | 'SET NULL';

export const column = {
  id(): ColumnSpec {
    return { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
  },
  references(table: string, onDelete: OnDelete, allowNull = false): ColumnSpec {
    return {
      type: DataTypes.INTEGER,
      allowNull,
      references: { model: table, key: 'id' },
      onDelete,
      // Ids never change. (MariaDB also refuses a CHECK on a column with an ON UPDATE action.)
      onUpdate: 'RESTRICT',
    };
  },
  integer(allowNull = false, defaultValue?: number): ColumnSpec {
    return withDefault({ type: DataTypes.INTEGER, allowNull }, defaultValue);
  },
  smallint(allowNull = false, defaultValue?: number): ColumnSpec {
    return withDefault({ type: DataTypes.SMALLINT, allowNull }, defaultValue);
  },
  double(allowNull = false, defaultValue?: number): ColumnSpec {
    return withDefault({ type: DataTypes.DOUBLE, allowNull }, defaultValue);
  },
  string(length: number, allowNull = false, defaultValue?: string): ColumnSpec {
    return withDefault({ type: DataTypes.STRING(length), allowNull }, defaultValue);
  },
  char(length: number, allowNull = false): ColumnSpec {
    return { type: DataTypes.CHAR(length), allowNull };
  },
  text(allowNull = false): ColumnSpec {
    return { type: DataTypes.TEXT, allowNull };
  },
  longText(allowNull = false): ColumnSpec {
    return { type: DataTypes.TEXT('long'), allowNull };
  },
  boolean(defaultValue: boolean): ColumnSpec {
    return { type: DataTypes.BOOLEAN, allowNull: false, defaultValue };
  },
  /** 'YYYY-MM-DD' */
  date(allowNull = false): ColumnSpec {
    return { type: DataTypes.DATEONLY, allowNull };
  },
  /** 'HH:MM:SS' */
  time(allowNull = false): ColumnSpec {
    return { type: DataTypes.TIME, allowNull };
  },
  /** UTC with milliseconds: DATETIME(3) on MySQL. */
  instant(allowNull = false): ColumnSpec {
    return { type: DataTypes.DATE(3), allowNull };
  },
};

function withDefault(spec: ColumnSpec, defaultValue: unknown): ColumnSpec {
  return defaultValue === undefined ? spec : { ...spec, defaultValue };
}

/**
 * Creates the tables in order with their indexes, plus an index on every foreign-key column
 * that no declared index starts with (SQLite has none of its own; a RESTRICT check on delete
 * would otherwise scan the whole referencing table).
 */
export async function createTables(
  queryInterface: QueryInterface,
  tables: TableSpec[],
): Promise<void> {
  const sqlite = queryInterface.sequelize.getDialect() === 'sqlite';
  for (const table of tables) {
    const columns = sqlite ? withPlainText(table.columns) : table.columns;
    await queryInterface.createTable(table.name, columns, MYSQL_TABLE_OPTIONS);
    await createIndexes(queryInterface, table);
  }
}

/** SQLite has one TEXT type; it warns about TEXT('long'), which only MySQL needs. */
function withPlainText(columns: Record<string, ColumnSpec>): Record<string, ColumnSpec> {
  return Object.fromEntries(
    Object.entries(columns).map(([name, spec]) => [
      name,
      spec.type instanceof DataTypes.TEXT ? { ...spec, type: DataTypes.TEXT } : spec,
    ]),
  );
}

export async function createIndexes(
  queryInterface: QueryInterface,
  table: TableSpec,
): Promise<void> {
  const indexes = [...(table.indexes ?? [])];
  for (const [name, spec] of Object.entries(table.columns)) {
    const leads = indexes.some((index) => index.columns[0] === name);
    if (spec.references !== undefined && !leads) {
      indexes.push({ name: `${table.name}_${name}`, columns: [name] });
    }
  }
  for (const index of indexes) {
    await queryInterface.addIndex(table.name, index.columns, {
      name: index.name,
      unique: index.unique ?? false,
    });
  }
}

export async function dropTables(
  queryInterface: QueryInterface,
  tables: TableSpec[],
): Promise<void> {
  for (const table of [...tables].reverse()) {
    await queryInterface.dropTable(table.name);
  }
}
