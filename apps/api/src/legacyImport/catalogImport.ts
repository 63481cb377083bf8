/**
 * The legacy catalogue (docs/domain.md): `isotopes` → Isotope, `Tracers` → Tracer,
 * `Users` with role 4 (customers) → Customer plus one DeliveryEndpoint each and the FDG
 * overhead as the FDG catalogue page, `TracerCustomer` → TracerCatalogPage.
 */
import { TracerType } from '@tracershop/core';
import type { Customer, DeliveryEndpoint, Tracer } from '@tracershop/db';
import { Op } from 'sequelize';
import { note, skip } from './importSummary';
import { LegacyIds, importLegacyRow } from './legacyRows';
import type { TableContext } from './legacyRows';
import type { LegacyRow } from './legacySource';
import { fitted, integerOf, keyOf, numberOf, textOf } from './legacyValues';

/** The legacy role of customers in `UserRoles.Id_Role`. */
export const CUSTOMER_ROLE = 4;

/** Atomic numbers of the elements a PET/nuclear-medicine site uses; others get 1 (edit later). */
const ATOMIC_NUMBERS: Record<string, number> = {
  C: 6,
  N: 7,
  O: 8,
  F: 9,
  Na: 11,
  P: 15,
  Sc: 21,
  Cu: 29,
  Ga: 31,
  Br: 35,
  Rb: 37,
  Sr: 38,
  Y: 39,
  Zr: 40,
  Tc: 43,
  In: 49,
  I: 53,
  Xe: 54,
  Sm: 62,
  Lu: 71,
  Tl: 81,
  Pb: 82,
  Ra: 88,
  Ac: 89,
};

/** `F-18` → F, 18; `Tc-99m` → Tc, 99, metastable. */
export function isotopeNameParts(
  name: string,
): { letter: string; mass: number; metastable: boolean } | null {
  const match = /^\s*([A-Za-z]{1,3})\s*-\s*(\d{1,3})\s*(m?)\s*$/.exec(name);
  if (!match) {
    return null;
  }
  return { letter: match[1] as string, mass: Number(match[2]), metastable: match[3] === 'm' };
}

export async function importIsotopes(context: TableContext, rows: LegacyRow[]): Promise<void> {
  const { Isotope } = context.db.models;
  const ids = await LegacyIds.load(context, 'isotopes');
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'id');
    if (legacyId === null) {
      skip(context.summary, '?', 'no id');
      continue;
    }
    const parts = isotopeNameParts(textOf(row, 'name') ?? '');
    const halflife = numberOf(row, 'halflife');
    if (parts === null) {
      skip(context.summary, legacyId, 'the name is not like F-18 or Tc-99m');
      continue;
    }
    if (halflife === null || halflife <= 0) {
      skip(context.summary, legacyId, 'no half-life');
      continue;
    }
    await importLegacyRow(context, {
      model: Isotope,
      entity: 'Isotope',
      ids,
      legacyId,
      values: {
        atomicLetter: parts.letter,
        atomicMass: parts.mass,
        metastable: parts.metastable,
        halflifeSeconds: halflife,
      },
      initial: { atomicNumber: ATOMIC_NUMBERS[parts.letter] ?? 1 },
      findExisting: () =>
        Isotope.findOne({
          where: {
            atomicLetter: parts.letter,
            atomicMass: parts.mass,
            metastable: parts.metastable,
          },
          transaction: context.transaction,
        }),
    });
  }
}

/**
 * Which legacy tracer is FDG (the activity tracer every legacy production, slot, order and
 * overhead belongs to): `--fdg-tracer <id>`, else the one named FDG, else the only one of
 * tracer type 1.
 */
export function fdgTracerKey(rows: LegacyRow[], chosen: string | null): string | null {
  if (chosen !== null) {
    return rows.some((row) => keyOf(row, 'id') === chosen) ? chosen : null;
  }
  const named = rows.find((row) => textOf(row, 'name')?.toUpperCase() === 'FDG');
  if (named !== undefined) {
    return keyOf(named, 'id');
  }
  const activity = rows.filter((row) => integerOf(row, 'tracer_type') === TracerType.Activity);
  return activity.length === 1 ? keyOf(activity[0] as LegacyRow, 'id') : null;
}

export async function importTracers(
  context: TableContext,
  rows: LegacyRow[],
  fdgKey: string | null,
): Promise<void> {
  const { Tracer } = context.db.models;
  const ids = await LegacyIds.load(context, 'Tracers');
  const isotopes = await LegacyIds.load(context, 'isotopes');
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'id');
    const name = fitted(textOf(row, 'name'), 32);
    if (legacyId === null || name === null) {
      skip(context.summary, legacyId ?? '?', 'no id or name');
      continue;
    }
    const isotopeKey = keyOf(row, 'isotope');
    const isotopeId = isotopeKey === null ? undefined : isotopes.get(isotopeKey);
    if (isotopeId === undefined) {
      skip(context.summary, legacyId, 'its isotope was not imported');
      continue;
    }
    const inUse = integerOf(row, 'in_use');
    await importLegacyRow(context, {
      model: Tracer,
      entity: 'Tracer',
      ids,
      legacyId,
      values: {
        shortname: name,
        isotopeId,
        tracerType: legacyId === fdgKey ? TracerType.Activity : TracerType.Injection,
      },
      initial: {
        clinicalName: fitted(textOf(row, 'longName'), 256) ?? '',
        vialTag: '',
        archived: inUse === 0,
      },
      findExisting: () =>
        Tracer.findOne({ where: { shortname: name }, transaction: context.transaction }),
    });
  }
}

/** The legacy users with the customer role (`UserRoles.Id_Role` 4). */
export function customerUsers(users: LegacyRow[], userRoles: LegacyRow[]): LegacyRow[] {
  const keys = new Set(
    userRoles
      .filter((row) => integerOf(row, 'Id_Role') === CUSTOMER_ROLE)
      .map((row) => keyOf(row, 'Id_User'))
      .filter((key): key is string => key !== null),
  );
  return users.filter((row) => keys.has(keyOf(row, 'Id') ?? ''));
}

/** Customers: short name = Username, long name = Realname, dispenser id = kundenr, billing = addr1/addr2. */
export async function importCustomers(
  context: TableContext,
  customers: LegacyRow[],
): Promise<void> {
  const { Customer } = context.db.models;
  const ids = await LegacyIds.load(context, 'Users');
  const { transaction } = context;
  for (const row of customers) {
    context.tick();
    const legacyId = keyOf(row, 'Id') ?? '?';
    const username = textOf(row, 'Username');
    if (username === null) {
      skip(context.summary, legacyId, 'no Username');
      continue;
    }
    const shortName = username.slice(0, 32);
    if (shortName !== username) {
      note(context.summary, legacyId, 'Username cut to 32 characters');
    }
    let dispenserId = integerOf(row, 'kundenr');
    if (dispenserId !== null && (dispenserId <= 0 || dispenserId > 32767)) {
      dispenserId = null;
    }
    const rememberedId = ids.get(legacyId);
    if (dispenserId !== null) {
      const holder = await Customer.findOne({ where: { dispenserId }, transaction });
      const ownRow =
        holder !== null && (holder.id === rememberedId || holder.shortName === shortName);
      if (holder !== null && !ownRow) {
        note(context.summary, legacyId, `kundenr ${dispenserId} is another customer's; left empty`);
        dispenserId = null;
      }
    }
    const knownDispenserId = dispenserId;
    await importLegacyRow<Customer>(context, {
      model: Customer,
      entity: 'Customer',
      ids,
      legacyId,
      values: {
        shortName,
        longName: fitted(textOf(row, 'Realname'), 128),
        dispenserId: knownDispenserId,
        billingAddress: fitted(textOf(row, 'addr1'), 128),
        billingCity: fitted(textOf(row, 'addr2'), 128),
      },
      findExisting: async () =>
        (await Customer.findOne({ where: { shortName }, transaction })) ??
        (knownDispenserId === null
          ? null
          : await Customer.findOne({ where: { dispenserId: knownDispenserId }, transaction })),
    });
  }
}

/** One delivery endpoint per customer: name = Username, address = addr1. */
export async function importEndpoints(
  context: TableContext,
  customers: LegacyRow[],
): Promise<void> {
  const { DeliveryEndpoint } = context.db.models;
  const customerIds = await LegacyIds.load(context, 'Users');
  const ids = await LegacyIds.load(context, 'Users/endpoint');
  const { transaction } = context;
  for (const row of customers) {
    context.tick();
    const legacyId = keyOf(row, 'Id') ?? '?';
    const customerId = customerIds.get(legacyId);
    if (customerId === undefined) {
      skip(context.summary, legacyId, 'the customer was not imported');
      continue;
    }
    const name = fitted(textOf(row, 'Username'), 32);
    await importLegacyRow<DeliveryEndpoint>(context, {
      model: DeliveryEndpoint,
      entity: 'DeliveryEndpoint',
      ids,
      legacyId,
      values: { name, address: fitted(textOf(row, 'addr1'), 128) },
      initial: { customerId },
      findExisting: async () =>
        (await DeliveryEndpoint.findOne({
          where: { customerId, name },
          order: [['id', 'ASC']],
          transaction,
        })) ??
        (await DeliveryEndpoint.findOne({
          where: { customerId },
          order: [['id', 'ASC']],
          transaction,
        })),
    });
  }
}

/** The new id of the FDG tracer, or null when it was not imported. */
export async function fdgTracerId(
  context: TableContext,
  fdgKey: string | null,
): Promise<number | null> {
  if (fdgKey === null) {
    return null;
  }
  return (await LegacyIds.load(context, 'Tracers')).get(fdgKey) ?? null;
}

async function catalogPage(context: TableContext, endpointId: number, tracerId: number) {
  return context.db.models.TracerCatalogPage.findOne({
    where: { endpointId, tracerId },
    transaction: context.transaction,
  });
}

/** `Users.overhead` (%) → the FDG catalogue page of the customer's endpoint, multiplier 1 + overhead/100. */
export async function importOverheads(
  context: TableContext,
  customers: LegacyRow[],
  fdgId: number | null,
): Promise<void> {
  const { TracerCatalogPage } = context.db.models;
  const endpoints = await LegacyIds.load(context, 'Users/endpoint');
  const ids = await LegacyIds.load(context, 'Users/overhead');
  for (const row of customers) {
    context.tick();
    const legacyId = keyOf(row, 'Id') ?? '?';
    const endpointId = endpoints.get(legacyId);
    if (fdgId === null) {
      skip(context.summary, legacyId, 'no FDG tracer');
      continue;
    }
    if (endpointId === undefined) {
      skip(context.summary, legacyId, 'the customer was not imported');
      continue;
    }
    const overhead = numberOf(row, 'overhead');
    await importLegacyRow(context, {
      model: TracerCatalogPage,
      entity: 'TracerCatalogPage',
      ids,
      legacyId,
      values: { overheadMultiplier: overhead === null ? 1 : 1 + overhead / 100 },
      initial: { endpointId, tracerId: fdgId },
      findExisting: () => catalogPage(context, endpointId, fdgId),
    });
  }
}

/** `TracerCustomer` → the catalogue page of (the customer's endpoint, tracer). */
export async function importTracerCustomers(
  context: TableContext,
  rows: LegacyRow[],
): Promise<void> {
  const { TracerCatalogPage } = context.db.models;
  const endpoints = await LegacyIds.load(context, 'Users/endpoint');
  const tracers = await LegacyIds.load(context, 'Tracers');
  const ids = await LegacyIds.load(context, 'TracerCustomer');
  for (const row of rows) {
    context.tick();
    const legacyId = keyOf(row, 'ID');
    if (legacyId === null) {
      skip(context.summary, '?', 'no ID');
      continue;
    }
    const customerKey = keyOf(row, 'customer_id');
    const tracerKey = keyOf(row, 'tracer_id');
    const endpointId = customerKey === null ? undefined : endpoints.get(customerKey);
    const tracerId = tracerKey === null ? undefined : tracers.get(tracerKey);
    if (endpointId === undefined) {
      skip(context.summary, legacyId, 'the customer was not imported');
      continue;
    }
    if (tracerId === undefined) {
      skip(context.summary, legacyId, 'the tracer was not imported');
      continue;
    }
    await importLegacyRow(context, {
      model: TracerCatalogPage,
      entity: 'TracerCatalogPage',
      ids,
      legacyId,
      values: {},
      initial: { endpointId, tracerId },
      findExisting: () => catalogPage(context, endpointId, tracerId),
    });
  }
}

/** Legacy user ids → Username, to name who released a legacy order. */
export function usernamesOf(users: LegacyRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of users) {
    const key = keyOf(row, 'Id');
    const name = textOf(row, 'Username');
    if (key !== null && name !== null) {
      names.set(key, name);
    }
  }
  return names;
}

/** Customers by dispenser id, as the VAL rows name them. */
export async function customersByDispenserId(context: TableContext): Promise<Map<number, number>> {
  const customers = await context.db.models.Customer.findAll({
    where: { dispenserId: { [Op.ne]: null } },
    transaction: context.transaction,
  });
  return new Map(
    customers
      .filter(
        (customer): customer is Customer & { dispenserId: number } => customer.dispenserId !== null,
      )
      .map((customer) => [customer.dispenserId, customer.id]),
  );
}

/** Tracers by upper-case vial tag (only tags filled in the record database). */
export async function tracersByVialTag(context: TableContext): Promise<Map<string, number>> {
  const tracers: Tracer[] = await context.db.models.Tracer.findAll({
    transaction: context.transaction,
  });
  return new Map(
    tracers
      .filter((tracer) => tracer.vialTag.trim() !== '')
      .map((tracer) => [tracer.vialTag.trim().toUpperCase(), tracer.id]),
  );
}
