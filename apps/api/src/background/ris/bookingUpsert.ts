/**
 * The one place RIS bookings enter the record database, shared by the HL7 listener and the
 * DICOM worklist poller (docs/domain.md): locations auto-created by
 * code, procedure identifiers synchronised (by code, else by description, else new), bookings
 * upserted by accession number and deleted on cancel. All changes of one message (or one poll)
 * run in one transaction; events go out after the commit, production receiving bookings in
 * full and the customer's shop users receiving them with masked accession numbers.
 *
 * Bookings are personal data: audit rows name a booking by id and status only, never by its
 * accession number.
 */
import { BookingStatus, maskAccessionNumber } from '@tracershop/core';
import type { Booking, Location, ProcedureIdentifier } from '@tracershop/db';
import { Op } from 'sequelize';
import type { Transaction } from 'sequelize';
import type { PublishedChange, Visibility } from '../../events/changeEvents';
import type { WriteScope } from '../../recordWrites';
import { writeRecord } from '../../recordWrites';
import type { ApiServices } from '../../services';
import { toWire } from '../../wire';

/** Where a booking came from (audit and logs). */
export type BookingSource = 'hl7' | 'worklist';

/** Create or update the booking with this accession number. */
export interface RisBookingUpsert {
  kind: 'upsert';
  accessionNumber: string;
  /** The RIS room: a Location's `locationCode`. */
  locationCode: string;
  /** The study's code; null when the RIS sends only a description. */
  procedureCode: string | null;
  /** The study's description; `''` when absent. */
  procedureDescription: string;
  startDate: string;
  startTime: string;
}

export interface RisBookingDelete {
  kind: 'delete';
  accessionNumber: string;
}

export type RisBookingChange = RisBookingUpsert | RisBookingDelete;

/** Replace every booking of these dates: those not in the changes go, unless already ordered. */
export interface BookingSync {
  dates: string[];
}

export interface BookingApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Deletes naming no stored booking. */
  missing: number;
  /** Bookings of the synchronised dates kept although absent, because already ordered. */
  keptOrdered: number;
  locationsCreated: number;
  identifiersChanged: number;
}

/** Statuses a full sync never removes: an order was made from them. */
const KEPT_BY_SYNC: readonly BookingStatus[] = [BookingStatus.Ordered, BookingStatus.Released];

/** Longest stored texts (the columns' lengths). */
const ACCESSION_LENGTH = 32;
const LOCATION_CODE_LENGTH = 120;
const PROCEDURE_CODE_LENGTH = 128;
const PROCEDURE_DESCRIPTION_LENGTH = 255;

/** A change the listener refuses (AE with this reason); nothing of the message is written. */
export class BookingInputError extends Error {}

function checkLength(what: string, value: string, max: number): void {
  if (value.length > max) {
    throw new BookingInputError(`${what} longer than ${max} characters`);
  }
}

function validate(change: RisBookingChange): void {
  checkLength('accession number', change.accessionNumber, ACCESSION_LENGTH);
  if (change.kind === 'upsert') {
    checkLength('location code', change.locationCode, LOCATION_CODE_LENGTH);
    checkLength('procedure code', change.procedureCode ?? '', PROCEDURE_CODE_LENGTH);
    checkLength('procedure description', change.procedureDescription, PROCEDURE_DESCRIPTION_LENGTH);
    if (change.procedureCode === null && change.procedureDescription === '') {
      throw new BookingInputError('procedure without code or description');
    }
  }
}

interface Batch {
  services: ApiServices;
  scope: WriteScope;
  transaction: Transaction;
  source: BookingSource;
  result: BookingApplyResult;
  /** Customer of each location id seen (null: no endpoint yet). */
  customers: Map<number, number | null>;
  /** Bookings upserted, for the events after the commit. */
  upserted: Map<number, Booking>;
  /** Deleted booking ids with their customer. */
  deleted: { id: number; customerId: number | null }[];
  /** A booking that moved away from a customer: its delete for that customer's shop. */
  movedAway: { id: number; customerId: number }[];
}

/**
 * Applies RIS booking changes in one transaction (all or nothing), then publishes the events.
 * With `sync`, bookings of `sync.dates` not named by an upsert are removed unless ordered.
 */
export async function applyBookingChanges(
  services: ApiServices,
  source: BookingSource,
  changes: readonly RisBookingChange[],
  sync?: BookingSync,
): Promise<BookingApplyResult> {
  changes.forEach(validate);
  return writeRecord({ services, user: null }, async (scope) => {
    const batch: Batch = {
      services,
      scope,
      transaction: scope.transaction,
      source,
      result: {
        created: 0,
        updated: 0,
        unchanged: 0,
        deleted: 0,
        missing: 0,
        keptOrdered: 0,
        locationsCreated: 0,
        identifiersChanged: 0,
      },
      customers: new Map(),
      upserted: new Map(),
      deleted: [],
      movedAway: [],
    };
    for (const change of changes) {
      if (change.kind === 'upsert') {
        await upsertBooking(batch, change);
      } else {
        await deleteBooking(batch, change.accessionNumber);
      }
    }
    if (sync !== undefined && sync.dates.length > 0) {
      await removeAbsent(batch, sync, changes);
    }
    publishBookings(batch);
    return batch.result;
  });
}

async function customerOfLocation(batch: Batch, locationId: number): Promise<number | null> {
  const known = batch.customers.get(locationId);
  if (known !== undefined) {
    return known;
  }
  const { Location, DeliveryEndpoint } = batch.services.db.models;
  const location = await Location.findByPk(locationId, { transaction: batch.transaction });
  let customerId: number | null = null;
  if (location?.endpointId !== null && location?.endpointId !== undefined) {
    const endpoint = await DeliveryEndpoint.findByPk(location.endpointId, {
      transaction: batch.transaction,
    });
    customerId = endpoint?.customerId ?? null;
  }
  batch.customers.set(locationId, customerId);
  return customerId;
}

async function locationOf(batch: Batch, locationCode: string): Promise<Location> {
  const { Location } = batch.services.db.models;
  const existing = await Location.findOne({
    where: { locationCode },
    transaction: batch.transaction,
  });
  if (existing !== null) {
    return existing;
  }
  // New rooms have no endpoint until an administrator maps them (production sees them).
  const row = await Location.create(
    { locationCode, commonName: null, endpointId: null },
    { transaction: batch.transaction },
  );
  const after = toWire(row);
  await batch.scope.audit({
    action: 'location.create',
    entity: 'Location',
    entityId: row.id,
    after,
  });
  batch.scope.publish({
    entity: 'Location',
    op: 'upsert',
    rows: [after],
    visibility: { kind: 'production' },
  });
  batch.customers.set(row.id, null);
  batch.result.locationsCreated += 1;
  return row;
}

/**
 * The study's identifier: by code (its description follows the RIS), else by description (it
 * gets the code), else a new one. A description another identifier already holds is left.
 */
async function identifierOf(batch: Batch, change: RisBookingUpsert): Promise<ProcedureIdentifier> {
  const { ProcedureIdentifier } = batch.services.db.models;
  const { transaction } = batch;
  const code = change.procedureCode;
  const description = change.procedureDescription === '' ? null : change.procedureDescription;
  const byCode =
    code === null ? null : await ProcedureIdentifier.findOne({ where: { code }, transaction });
  const byDescription =
    description === null
      ? null
      : await ProcedureIdentifier.findOne({ where: { description }, transaction });
  if (byCode !== null) {
    if (description !== null && byCode.description !== description && byDescription === null) {
      await changeIdentifier(batch, byCode, { description });
    }
    return byCode;
  }
  if (byDescription !== null) {
    if (code !== null && byDescription.code !== code) {
      await changeIdentifier(batch, byDescription, { code });
    }
    return byDescription;
  }
  const row = await ProcedureIdentifier.create({ code, description }, { transaction });
  const after = toWire(row);
  await batch.scope.audit({
    action: 'procedureIdentifier.create',
    entity: 'ProcedureIdentifier',
    entityId: row.id,
    after,
  });
  batch.scope.publish({
    entity: 'ProcedureIdentifier',
    op: 'upsert',
    rows: [after],
    visibility: { kind: 'everyone' },
  });
  batch.result.identifiersChanged += 1;
  return row;
}

async function changeIdentifier(
  batch: Batch,
  row: ProcedureIdentifier,
  values: { code?: string; description?: string },
): Promise<void> {
  const before = toWire(row);
  await row.update(values, { transaction: batch.transaction });
  const after = toWire(row);
  await batch.scope.audit({
    action: 'procedureIdentifier.edit',
    entity: 'ProcedureIdentifier',
    entityId: row.id,
    before,
    after,
  });
  batch.scope.publish({
    entity: 'ProcedureIdentifier',
    op: 'upsert',
    rows: [after],
    visibility: { kind: 'everyone' },
  });
  batch.result.identifiersChanged += 1;
}

async function upsertBooking(batch: Batch, change: RisBookingUpsert): Promise<void> {
  const { Booking } = batch.services.db.models;
  const { transaction } = batch;
  const location = await locationOf(batch, change.locationCode);
  const identifier = await identifierOf(batch, change);
  const customer = await customerOfLocation(batch, location.id);
  const wanted = {
    locationId: location.id,
    procedureIdentifierId: identifier.id,
    startDate: change.startDate,
    startTime: change.startTime,
  };
  const existing = await Booking.findOne({
    where: { accessionNumber: change.accessionNumber },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (existing === null) {
    const row = await Booking.create(
      { ...wanted, accessionNumber: change.accessionNumber, status: BookingStatus.Initial },
      { transaction },
    );
    await batch.scope.audit({
      action: 'booking.create',
      entity: 'Booking',
      entityId: row.id,
      after: { source: batch.source, status: row.status },
    });
    batch.upserted.set(row.id, row);
    batch.result.created += 1;
    return;
  }
  const rescheduled =
    existing.procedureIdentifierId !== wanted.procedureIdentifierId ||
    existing.startDate !== wanted.startDate ||
    existing.startTime !== wanted.startTime;
  const moved = existing.locationId !== wanted.locationId;
  if (!rescheduled && !moved) {
    batch.result.unchanged += 1;
    return;
  }
  const previousCustomer = await customerOfLocation(batch, existing.locationId);
  const before = { status: existing.status };
  // A new date, time or study is a new booking for ordering purposes: back to Initial.
  const status = rescheduled ? BookingStatus.Initial : existing.status;
  await existing.update({ ...wanted, status }, { transaction });
  await batch.scope.audit({
    action: 'booking.edit',
    entity: 'Booking',
    entityId: existing.id,
    before,
    after: { source: batch.source, status, rescheduled, moved },
  });
  if (previousCustomer !== null && previousCustomer !== customer) {
    batch.movedAway.push({ id: existing.id, customerId: previousCustomer });
  }
  batch.upserted.set(existing.id, existing);
  batch.result.updated += 1;
}

async function deleteBooking(batch: Batch, accessionNumber: string): Promise<void> {
  const { Booking } = batch.services.db.models;
  const existing = await Booking.findOne({
    where: { accessionNumber },
    transaction: batch.transaction,
  });
  if (existing === null) {
    batch.result.missing += 1;
    return;
  }
  await removeBooking(batch, existing, 'cancelled');
}

async function removeBooking(batch: Batch, booking: Booking, why: string): Promise<void> {
  const customerId = await customerOfLocation(batch, booking.locationId);
  await booking.destroy({ transaction: batch.transaction });
  await batch.scope.audit({
    action: 'booking.delete',
    entity: 'Booking',
    entityId: booking.id,
    before: { status: booking.status },
    after: { source: batch.source, reason: why },
  });
  batch.upserted.delete(booking.id);
  batch.deleted.push({ id: booking.id, customerId });
  batch.result.deleted += 1;
}

async function removeAbsent(
  batch: Batch,
  sync: BookingSync,
  changes: readonly RisBookingChange[],
): Promise<void> {
  const present = new Set(
    changes.filter((change) => change.kind === 'upsert').map((change) => change.accessionNumber),
  );
  const stored = await batch.services.db.models.Booking.findAll({
    where: { startDate: { [Op.in]: sync.dates } },
    transaction: batch.transaction,
  });
  for (const booking of stored) {
    if (booking.accessionNumber !== null && present.has(booking.accessionNumber)) {
      continue;
    }
    if (KEPT_BY_SYNC.includes(booking.status)) {
      batch.result.keptOrdered += 1;
      continue;
    }
    await removeBooking(batch, booking, 'absent from worklist');
  }
}

function masked(booking: Booking): unknown {
  return {
    ...toWire(booking),
    accessionNumber:
      booking.accessionNumber === null ? null : maskAccessionNumber(booking.accessionNumber),
  };
}

/** Production receives bookings in full; the customer's shop users with masked numbers. */
function publishBookings(batch: Batch): void {
  const changes: PublishedChange[] = [];
  const upserted = [...batch.upserted.values()];
  if (upserted.length > 0) {
    changes.push({
      entity: 'Booking',
      op: 'upsert',
      rows: upserted.map((booking) => toWire(booking)),
      visibility: { kind: 'production' },
    });
  }
  const perCustomer = new Map<number, Booking[]>();
  for (const booking of upserted) {
    const customerId = batch.customers.get(booking.locationId) ?? null;
    if (customerId !== null) {
      perCustomer.set(customerId, [...(perCustomer.get(customerId) ?? []), booking]);
    }
  }
  for (const [customerId, bookings] of perCustomer) {
    changes.push({
      entity: 'Booking',
      op: 'upsert',
      rows: bookings.map(masked),
      visibility: { kind: 'customerOnly', customerId },
    });
  }
  const deletes = new Map<string, { visibility: Visibility; ids: number[] }>();
  const addDelete = (visibility: Visibility, id: number) => {
    const key = JSON.stringify(visibility);
    const entry = deletes.get(key) ?? { visibility, ids: [] };
    entry.ids.push(id);
    deletes.set(key, entry);
  };
  for (const { id, customerId } of batch.deleted) {
    addDelete(customerId === null ? { kind: 'production' } : { kind: 'customer', customerId }, id);
  }
  for (const { id, customerId } of batch.movedAway) {
    addDelete({ kind: 'customerOnly', customerId }, id);
  }
  for (const { visibility, ids } of deletes.values()) {
    changes.push({ entity: 'Booking', op: 'delete', ids, visibility });
  }
  if (changes.length > 0) {
    batch.scope.publish(...changes);
  }
}
