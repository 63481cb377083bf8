/**
 * `tracershop legacy-import`: copies the old Tracershop MySQL database into the record
 * database, table by table in dependency order (docs/domain.md). Each step runs in
 * its own transaction: a step that fails is rolled back whole and the import stops there (the
 * later steps depend on it); the steps before it stay imported, and running the import again
 * continues where it stopped, because every imported row is remembered in `legacy_ids` and a
 * second import updates instead of duplicating.
 */
import { DEFAULT_TIME_ZONE } from '@tracershop/core';
import { withTransaction } from '@tracershop/db';
import type { Databases } from '@tracershop/db';
import {
  customerUsers,
  fdgTracerKey,
  fdgTracerId,
  importCustomers,
  importEndpoints,
  importIsotopes,
  importOverheads,
  importTracerCustomers,
  importTracers,
  usernamesOf,
} from './catalogImport';
import { emptyTableSummary } from './importSummary';
import type { LegacyImportSummary, TableSummary } from './importSummary';
import { importActivityOrders, importInjectionOrders } from './orderImport';
import type { TableContext } from './legacyRows';
import { importClosedDates, importDeliveryTimes, importProductions } from './scheduleImport';
import type { LegacyRow, LegacySource } from './legacySource';
import { importVials } from './vialImport';

/** Shows how far each step is (the command's progress bar). */
export interface LegacyImportProgress {
  start(step: string, total: number): void;
  tick(): void;
  stop(): void;
}

export interface LegacyImportOptions {
  /** Site time zone of the legacy date-times (TRACERSHOP_TIMEZONE). */
  timeZone?: string;
  /** The legacy `Tracers.id` of FDG, when it is not the tracer named FDG. */
  fdgTracer?: string | null;
  progress?: LegacyImportProgress;
  /** The time the audit rows carry; default now. */
  now?: () => Date;
}

/** The legacy tables read, with the column that orders their rows. */
const LEGACY_TABLES = {
  isotopes: 'id',
  Tracers: 'id',
  Users: 'Id',
  UserRoles: 'Id_User, Id_Role',
  TracerCustomer: 'ID',
  productionTimes: 'PTID',
  deliverTimes: 'DTID',
  blockDeliverDate: 'BDID',
  orders: 'OID',
  t_orders: 'OID',
  VAL: 'ID',
  VialMapping: 'VAL_id',
} as const;

type LegacyTable = keyof typeof LEGACY_TABLES;
type LegacyData = Record<LegacyTable, LegacyRow[]>;

interface ImportStep {
  label: string;
  /** The legacy tables the step reads; it is reported missing when the first is. */
  tables: LegacyTable[];
  rows: LegacyRow[];
  run(context: TableContext): Promise<void>;
}

async function readLegacyData(source: LegacySource): Promise<LegacyData> {
  const data: Partial<LegacyData> = {};
  for (const [table, orderBy] of Object.entries(LEGACY_TABLES) as [LegacyTable, string][]) {
    data[table] = source.hasTable(table) ? await source.rows(table, orderBy) : [];
  }
  return data as LegacyData;
}

function stepsOf(data: LegacyData, fdgKey: string | null): ImportStep[] {
  const customers = customerUsers(data.Users, data.UserRoles);
  const usernames = usernamesOf(data.Users);
  return [
    {
      label: 'isotopes',
      tables: ['isotopes'],
      rows: data.isotopes,
      run: (context) => importIsotopes(context, data.isotopes),
    },
    {
      label: 'Tracers',
      tables: ['Tracers'],
      rows: data.Tracers,
      run: (context) => importTracers(context, data.Tracers, fdgKey),
    },
    {
      label: 'Users (customers)',
      tables: ['Users', 'UserRoles'],
      rows: customers,
      run: (context) => importCustomers(context, customers),
    },
    {
      label: 'Users (endpoints)',
      tables: ['Users', 'UserRoles'],
      rows: customers,
      run: (context) => importEndpoints(context, customers),
    },
    {
      label: 'Users (FDG overhead)',
      tables: ['Users', 'UserRoles'],
      rows: customers,
      run: async (context) =>
        importOverheads(context, customers, await fdgTracerId(context, fdgKey)),
    },
    {
      label: 'TracerCustomer',
      tables: ['TracerCustomer'],
      rows: data.TracerCustomer,
      run: (context) => importTracerCustomers(context, data.TracerCustomer),
    },
    {
      label: 'productionTimes',
      tables: ['productionTimes'],
      rows: data.productionTimes,
      run: async (context) =>
        importProductions(context, data.productionTimes, await fdgTracerId(context, fdgKey)),
    },
    {
      label: 'deliverTimes',
      tables: ['deliverTimes'],
      rows: data.deliverTimes,
      run: (context) => importDeliveryTimes(context, data.deliverTimes, data.productionTimes),
    },
    {
      label: 'blockDeliverDate',
      tables: ['blockDeliverDate'],
      rows: data.blockDeliverDate,
      run: (context) => importClosedDates(context, data.blockDeliverDate),
    },
    {
      label: 'orders',
      tables: ['orders'],
      rows: data.orders,
      run: (context) => importActivityOrders(context, data.orders, data.deliverTimes, usernames),
    },
    {
      label: 't_orders',
      tables: ['t_orders'],
      rows: data.t_orders,
      run: (context) => importInjectionOrders(context, data.t_orders, usernames),
    },
    {
      label: 'VAL',
      tables: ['VAL'],
      rows: data.VAL,
      run: (context) => importVials(context, data.VAL, data.VialMapping),
    },
  ];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Imports the legacy database `source` into `db`'s record database. */
export async function importLegacyDatabase(
  db: Databases,
  source: LegacySource,
  options: LegacyImportOptions = {},
): Promise<LegacyImportSummary> {
  const data = await readLegacyData(source);
  const fdgKey = fdgTracerKey(data.Tracers, options.fdgTracer ?? null);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const at = (options.now ?? (() => new Date()))();
  const progress = options.progress;
  const tables: TableSummary[] = [];
  let ok = true;
  for (const step of stepsOf(data, fdgKey)) {
    const summary = emptyTableSummary(step.label);
    tables.push(summary);
    if (!ok) {
      summary.failed = 'not run: an earlier step failed';
      continue;
    }
    if (!source.hasTable(step.tables[0] as string)) {
      summary.missing = true;
      continue;
    }
    summary.rows = step.rows.length;
    progress?.start(step.label, step.rows.length);
    try {
      await withTransaction(db.record, (transaction) =>
        step.run({ db, transaction, summary, at, timeZone, tick: () => progress?.tick() }),
      );
    } catch (error) {
      ok = false;
      Object.assign(summary, emptyTableSummary(step.label), {
        rows: step.rows.length,
        failed: errorText(error),
      });
    } finally {
      progress?.stop();
    }
  }
  return { tables, ok };
}
