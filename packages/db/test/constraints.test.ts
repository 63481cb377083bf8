import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserGroup, WeeklyRepeat } from '@tracershop/core';
import type { OrderStatus } from '@tracershop/core';
import type { Transaction } from 'sequelize';
import { DbConstraintError, toDbConstraintError } from '../src/constraintErrors';
import type { Databases } from '../src/connection';
import { withTransaction } from '../src/transactions';
import { createSmallSite } from './recordFixtures';
import type { SmallSite } from './recordFixtures';
import { TEST_DIALECTS, createMigratedTestSite } from '../src/testing';
import type { MigratedTestSite } from '../src/testing';

async function refusal(write: Promise<unknown>): Promise<DbConstraintError> {
  const error: unknown = await write.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DbConstraintError);
  return error as DbConstraintError;
}

describe.each(TEST_DIALECTS)('[URS-DAT-003] constraints on %s', (dialect) => {
  let testSite: MigratedTestSite;
  let databases: Databases;
  let site: SmallSite;

  beforeAll(async () => {
    testSite = await createMigratedTestSite(dialect);
    databases = testSite.databases;
    site = await createSmallSite(databases.models);
  });

  afterAll(async () => {
    await testSite.destroy();
  });

  const record = <T>(work: Parameters<typeof withTransaction<T>>[1]) =>
    withTransaction(databases.record, work);
  const web = <T>(work: Parameters<typeof withTransaction<T>>[1]) =>
    withTransaction(databases.web, work);

  describe('unique keys', () => {
    it('refuses a second catalog page for the same endpoint and tracer', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.TracerCatalogPage.create(
            { endpointId: site.endpoint.id, tracerId: site.tracer.id },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({
        kind: 'unique',
        entity: 'TracerCatalogPage',
        fields: ['endpointId', 'tracerId'],
        operation: 'insert',
        constraint: 'tracer_catalog_pages_endpoint_tracer_unique',
      });
    });

    it('refuses a second production at the same time, weekday and tracer', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.ActivityProduction.create(
            { tracerId: site.tracer.id, weekday: 0, productionTime: '06:30:00' },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({
        kind: 'unique',
        entity: 'ActivityProduction',
        fields: ['productionTime', 'weekday', 'tracerId'],
      });
    });

    it('refuses a second slot of an endpoint at the same time from the same production', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.ActivityDeliveryTimeSlot.create(
            {
              endpointId: site.endpoint.id,
              productionId: site.production.id,
              deliveryTime: '08:00:00',
              weeklyRepeat: WeeklyRepeat.OddWeeks,
            },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({
        kind: 'unique',
        entity: 'ActivityDeliveryTimeSlot',
        fields: ['endpointId', 'deliveryTime', 'productionId'],
      });
    });

    it('refuses a taken accession number, also by update', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.Booking.create(
            {
              accessionNumber: 'DKRGH241202001',
              locationId: site.location.id,
              procedureIdentifierId: site.procedureIdentifier.id,
              startDate: '2024-12-03',
              startTime: '10:00:00',
            },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({
        kind: 'unique',
        entity: 'Booking',
        fields: ['accessionNumber'],
      });

      const other = await databases.models.Booking.create({
        accessionNumber: 'DKRGH241202002',
        locationId: site.location.id,
        procedureIdentifierId: site.procedureIdentifier.id,
        startDate: '2024-12-03',
        startTime: '10:00:00',
      });
      const updateError = await refusal(
        record((transaction) =>
          other.update({ accessionNumber: 'DKRGH241202001' }, { transaction }),
        ),
      );
      expect(updateError).toMatchObject({
        kind: 'unique',
        entity: 'Booking',
        fields: ['accessionNumber'],
        operation: 'update',
      });
    });

    it('refuses a taken location code', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.Location.create({ locationCode: 'RGH-KF-PETCT1' }, { transaction }),
        ),
      );
      expect(error).toMatchObject({ kind: 'unique', entity: 'Location', fields: ['locationCode'] });
    });

    it('refuses a second procedure for the same identifier and endpoint', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.Procedure.create(
            {
              procedureIdentifierId: site.procedureIdentifier.id,
              endpointId: site.endpoint.id,
              tracerId: site.injectionTracer.id,
            },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({
        kind: 'unique',
        entity: 'Procedure',
        fields: ['procedureIdentifierId', 'endpointId'],
      });
    });

    it('refuses a taken procedure code and a taken dispenser id, but allows several nulls', async () => {
      expect(
        await refusal(
          databases.models.ProcedureIdentifier.create({ code: 'WZCXPET01' }).catch(
            rethrowTranslated,
          ),
        ),
      ).toMatchObject({ kind: 'unique', entity: 'ProcedureIdentifier', fields: ['code'] });
      expect(
        await refusal(
          record((transaction) =>
            databases.models.Customer.create(
              { shortName: 'Other', dispenserId: 1 },
              { transaction },
            ),
          ),
        ),
      ).toMatchObject({ kind: 'unique', entity: 'Customer', fields: ['dispenserId'] });
      await databases.models.Customer.create({ shortName: 'No dispenser A' });
      await databases.models.Customer.create({ shortName: 'No dispenser B' });
    });

    it('allows one global deadline per kind', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.Deadline.create(
            { deadlineType: 1, deadlineTime: '12:00:00', weekday: 3, appliesTo: 'activity' },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({ kind: 'unique', entity: 'Deadline', fields: ['appliesTo'] });
      await databases.models.Deadline.create({ deadlineType: 0, deadlineTime: '10:00:00' });
      await databases.models.Deadline.create({ deadlineType: 0, deadlineTime: '11:00:00' });
    });

    it('[URS-ACC-003] refuses a username that differs only in case, on create and on update', async () => {
      await databases.models.User.create({ username: 'Alice', userGroup: UserGroup.ShopUser });
      const error = await refusal(
        web((transaction) => databases.models.User.create({ username: 'aLICE' }, { transaction })),
      );
      expect(error).toMatchObject({ kind: 'unique', entity: 'User', fields: ['username'] });

      const bob = await databases.models.User.create({ username: 'Bob' });
      expect(bob.usernameKey).toBe('bob');
      const updateError = await refusal(
        web((transaction) =>
          databases.models.User.update(
            { username: 'ALICE' },
            { where: { id: bob.id }, transaction },
          ),
        ),
      );
      expect(updateError).toMatchObject({ kind: 'unique', entity: 'User', fields: ['username'] });
      await databases.models.User.update({ username: 'Robert' }, { where: { id: bob.id } });
      await bob.reload();
      expect([bob.username, bob.usernameKey]).toEqual(['Robert', 'robert']);
    });

    it('refuses a second assignment of a user to the same customer', async () => {
      const user = await databases.models.User.create({ username: 'carol' });
      await databases.models.UserAssignment.create({ userId: user.id, customerId: 1 });
      const error = await refusal(
        web((transaction) =>
          databases.models.UserAssignment.create(
            { userId: user.id, customerId: 1 },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({
        kind: 'unique',
        entity: 'UserAssignment',
        fields: ['userId', 'customerId'],
      });
    });

    it('refuses a taken printer name', async () => {
      await databases.models.Printer.create({ name: 'KF-Printer', host: 'printer.example' });
      const error = await refusal(
        web((transaction) =>
          databases.models.Printer.create(
            { name: 'KF-Printer', host: 'other.example' },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({ kind: 'unique', entity: 'Printer', fields: ['name'] });
    });
  });

  describe('restrict rules', () => {
    const cases: [string, (transaction: Transaction) => Promise<unknown>, string][] = [
      [
        'an isotope a tracer uses',
        (transaction) => site.isotope.destroy({ transaction }),
        'Isotope',
      ],
      [
        'a tracer a production uses',
        (transaction) => site.tracer.destroy({ transaction }),
        'Tracer',
      ],
      [
        'a customer with endpoints',
        (transaction) => site.customer.destroy({ transaction }),
        'Customer',
      ],
      [
        'an endpoint with slots',
        (transaction) => site.endpoint.destroy({ transaction }),
        'DeliveryEndpoint',
      ],
      [
        'a production with slots',
        (transaction) => site.production.destroy({ transaction }),
        'ActivityProduction',
      ],
      [
        'a slot an order was ordered to',
        (transaction) => site.slot.destroy({ transaction }),
        'ActivityDeliveryTimeSlot',
      ],
      [
        'a slot an order was moved to',
        (transaction) => site.earlySlot.destroy({ transaction }),
        'ActivityDeliveryTimeSlot',
      ],
      [
        'an activity order with vials',
        (transaction) => site.order.destroy({ transaction }),
        'ActivityOrder',
      ],
      [
        'an isotope order with vials',
        (transaction) => site.isotopeOrder.destroy({ transaction }),
        'IsotopeOrder',
      ],
      [
        'an isotope delivery with orders',
        (transaction) => site.isotopeDelivery.destroy({ transaction }),
        'IsotopeDelivery',
      ],
      [
        'an isotope production with deliveries',
        (transaction) => site.isotopeProduction.destroy({ transaction }),
        'IsotopeProduction',
      ],
      [
        'a location with bookings',
        (transaction) => site.location.destroy({ transaction }),
        'Location',
      ],
      [
        'a procedure identifier with bookings',
        (transaction) => site.procedureIdentifier.destroy({ transaction }),
        'ProcedureIdentifier',
      ],
    ];

    it.each(cases)('refuses to delete %s', async (_what, destroy, entity) => {
      const error = await refusal(record((transaction) => destroy(transaction)));
      expect(error).toMatchObject({ kind: 'foreign-key', entity, operation: 'delete' });
    });

    it('names the referencing entity where the database says (MySQL)', async () => {
      const error = await refusal(record((transaction) => site.order.destroy({ transaction })));
      expect(error.referencedBy).toBe(dialect === 'mysql' ? 'Vial' : null);
    });

    it('refuses a row that points at nothing', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.Tracer.create(
            { shortname: 'X', clinicalName: 'X', isotopeId: 999_999, tracerType: 1 },
            { transaction },
          ),
        ),
      );
      expect(error).toMatchObject({ kind: 'foreign-key', entity: 'Tracer', operation: 'insert' });
      expect(error.fields).toEqual(dialect === 'mysql' ? ['isotopeId'] : []);
    });

    it('refuses to delete a printer the settings use', async () => {
      const printer = await databases.models.Printer.create({ name: 'Active', host: 'p.example' });
      await databases.models.ServerSettings.update(
        { activePrinterId: printer.id },
        { where: { id: 1 } },
      );
      const error = await refusal(web((transaction) => printer.destroy({ transaction })));
      expect(error).toMatchObject({ kind: 'foreign-key', entity: 'Printer', operation: 'delete' });
      await databases.models.ServerSettings.update({ activePrinterId: null }, { where: { id: 1 } });
      await printer.destroy();
    });

    it('rolls back the whole transaction', async () => {
      const before = await databases.models.Customer.count();
      await refusal(
        record(async (transaction) => {
          await databases.models.Customer.create({ shortName: 'Rolled back' }, { transaction });
          await site.isotope.destroy({ transaction });
        }),
      );
      expect(await databases.models.Customer.count()).toBe(before);
    });
  });

  describe('cascade and set-null rules', () => {
    let userId: number;

    beforeEach(async () => {
      const user = await databases.models.User.create({ username: `dave-${Date.now()}` });
      userId = user.id;
      await databases.models.UserAssignment.create({ userId, customerId: site.customer.id });
      await databases.models.Session.create({
        id: `session-${userId}`,
        userId,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    });

    it("deletes a user's sessions and assignments with the user", async () => {
      await web((transaction) =>
        databases.models.User.destroy({ where: { id: userId }, transaction }),
      );
      expect(await databases.models.Session.count({ where: { userId } })).toBe(0);
      expect(await databases.models.UserAssignment.count({ where: { userId } })).toBe(0);
    });

    it('clears the RIS address of the settings when the address is deleted', async () => {
      const address = await databases.models.ServiceAddress.create({
        kind: 'dicom',
        host: 'ris.example',
        port: 104,
        aeTitle: 'RIS',
      });
      await databases.models.ServerSettings.update(
        { risAddressId: address.id },
        { where: { id: 1 } },
      );
      await web((transaction) => address.destroy({ transaction }));
      const settings = await databases.models.ServerSettings.findByPk(1);
      expect(settings?.risAddressId).toBeNull();
    });
  });

  describe('invalid values', () => {
    it('refuses a release right naming both a tracer and an isotope, or neither', async () => {
      for (const product of [
        { tracerId: site.tracer.id, isotopeId: site.isotope.id },
        { tracerId: null, isotopeId: null },
      ]) {
        const error = await refusal(
          record((transaction) =>
            databases.models.ReleaseRight.create(
              { userId: 3, userName: 'P', ...product },
              { transaction },
            ),
          ),
        );
        expect(error).toMatchObject({
          kind: 'invalid',
          entity: 'ReleaseRight',
          fields: ['tracerId', 'isotopeId'],
          constraint: 'release_rights_exactly_one_product',
        });
      }
      await databases.models.ReleaseRight.create({
        userId: 3,
        userName: 'P',
        isotopeId: site.copper.id,
      });
    });

    it('refuses values outside an enum, a malformed time or date, a bad printer name', async () => {
      const badStatus = await refusal(
        record((transaction) =>
          databases.models.ActivityOrder.create(
            {
              orderedActivity: 1,
              deliveryDate: '2024-12-02',
              status: 9 as OrderStatus,
              orderedTimeSlotId: site.slot.id,
            },
            { transaction },
          ),
        ),
      );
      expect(badStatus).toMatchObject({
        kind: 'invalid',
        entity: 'ActivityOrder',
        fields: ['status'],
      });

      const badTimeAndDate = await refusal(
        record((transaction) =>
          databases.models.Vial.create(
            {
              lotNumber: 'FDG-241202-1',
              fillDate: '2024-02-30',
              fillTime: '25:00:00',
              activity: 1,
              volume: 1,
            },
            { transaction },
          ),
        ),
      );
      expect(badTimeAndDate).toMatchObject({ kind: 'invalid', entity: 'Vial' });
      expect(badTimeAndDate.fields.sort()).toEqual(['fillDate', 'fillTime']);

      const badPrinter = await refusal(
        web((transaction) =>
          databases.models.Printer.create({ name: 'no spaces please', host: 'x' }, { transaction }),
        ),
      );
      expect(badPrinter).toMatchObject({ kind: 'invalid', entity: 'Printer', fields: ['name'] });
    });

    it('refuses a missing required value', async () => {
      const error = await refusal(
        record((transaction) =>
          databases.models.Customer.create({} as { shortName: string }, { transaction }),
        ),
      );
      expect(error).toMatchObject({ kind: 'invalid', entity: 'Customer', fields: ['shortName'] });
    });
  });
});

function rethrowTranslated(error: unknown): never {
  throw toDbConstraintError(error) ?? error;
}
