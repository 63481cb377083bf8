import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OrderStatus } from '@tracershop/core';
import { QueryTypes } from 'sequelize';
import type { Databases } from '../src/connection';
import { createSmallSite } from './recordFixtures';
import type { SmallSite } from './recordFixtures';
import { TEST_DIALECTS, createMigratedTestSite } from '../src/testing';
import type { MigratedTestSite } from '../src/testing';

/** Instants around the Copenhagen DST changes of 2024 (01:00 UTC both times), and far ones. */
const INSTANTS = [
  '2024-03-31T00:59:59.999Z',
  '2024-03-31T01:00:00.000Z',
  '2024-03-31T01:30:00.001Z',
  '2024-10-27T00:30:00.500Z',
  '2024-10-27T01:00:00.000Z',
  '2024-10-27T01:30:00.250Z',
  '1999-12-31T23:59:59.999Z',
  '2038-01-19T03:14:08.123Z',
];

const DATES = ['2024-03-31', '2024-10-27', '2024-02-29', '1970-01-01', '2099-12-31'];

/** Wall-clock times, including one that does not exist (02:30 on 2024-03-31) and one that happens twice (02:30 on 2024-10-27) in Copenhagen. */
const TIMES = ['02:30:00', '00:00:00', '23:59:59', '12:00:01'];

describe.each(TEST_DIALECTS)('[URS-DAT-002] round trips on %s', (dialect) => {
  let testSite: MigratedTestSite;
  let databases: Databases;
  let site: SmallSite;
  const originalTz = process.env.TZ;

  beforeAll(async () => {
    testSite = await createMigratedTestSite(dialect);
    databases = testSite.databases;
    site = await createSmallSite(databases.models);
  });

  afterAll(async () => {
    await testSite.destroy();
  });

  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it.each(['UTC', 'Europe/Copenhagen', 'America/New_York'])(
    'keeps instants to the millisecond whatever the process time zone (%s)',
    async (timeZone) => {
      process.env.TZ = timeZone;
      for (const text of INSTANTS) {
        const order = await databases.models.ActivityOrder.create({
          orderedActivity: 1,
          deliveryDate: '2024-03-31',
          status: OrderStatus.Released,
          orderedTimeSlotId: site.slot.id,
          freedAt: new Date(text),
        });
        const read = await databases.models.ActivityOrder.findByPk(order.id);
        expect(read?.freedAt?.toISOString()).toBe(text);
        const found = await databases.models.ActivityOrder.count({
          where: { id: order.id, freedAt: new Date(text) },
        });
        expect(found).toBe(1);
      }
    },
  );

  it('stores instants as UTC wall time with milliseconds', async () => {
    const vial = await databases.models.IsotopeVial.create({
      isotopeId: site.copper.id,
      batchNumber: 'CU64-240331-1',
      calibratedAt: new Date('2024-03-31T01:30:00.001Z'),
      activity: 1,
      volume: 1,
    });
    const [row] = await databases.record.query<{ stored: string }>(
      dialect === 'mysql'
        ? 'SELECT CAST(calibrated_at AS CHAR) AS stored FROM isotope_vials WHERE id = ?'
        : 'SELECT calibrated_at AS stored FROM isotope_vials WHERE id = ?',
      { replacements: [vial.id], type: QueryTypes.SELECT },
    );
    expect(row?.stored.startsWith('2024-03-31 01:30:00.001')).toBe(true);
  });

  it('keeps calendar dates and times of day as text, DST days included', async () => {
    process.env.TZ = 'Europe/Copenhagen';
    for (const date of DATES) {
      for (const time of TIMES) {
        const order = await databases.models.InjectionOrder.create({
          endpointId: site.endpoint.id,
          tracerId: site.injectionTracer.id,
          deliveryDate: date,
          deliveryTime: time,
          injections: 1,
          tracerUsage: 0,
          status: OrderStatus.Ordered,
        });
        const read = await databases.models.InjectionOrder.findByPk(order.id);
        expect([read?.deliveryDate, read?.deliveryTime]).toEqual([date, time]);
      }
      const onDate = await databases.models.InjectionOrder.findAll({
        where: { deliveryDate: date },
      });
      expect(onDate.map((order) => order.deliveryTime).sort()).toEqual([...TIMES].sort());
    }
  });

  it('keeps doubles, booleans, long text and nullable ids exact', async () => {
    const page = await databases.models.TracerCatalogPage.findByPk(site.catalogPage.id);
    expect(page?.overheadMultiplier).toBe(1.25);
    const vial = await databases.models.Vial.create({
      lotNumber: 'FDG-240331-1',
      fillDate: '2024-03-31',
      fillTime: '02:30:00',
      activity: 123.456789012345,
      volume: 0.1 + 0.2,
    });
    const read = await databases.models.Vial.findByPk(vial.id);
    expect(read?.activity).toBe(123.456789012345);
    expect(read?.volume).toBe(0.1 + 0.2);
    expect(read?.tracerId).toBeNull();
    expect(read?.assignedToId).toBeNull();
    const tracer = await databases.models.Tracer.findByPk(site.tracer.id);
    expect([tracer?.archived, tracer?.marketed]).toEqual([false, false]);
    const notice = await databases.models.CustomerNotice.create({
      message: 'æøå ÆØÅ — '.repeat(500),
      customerIds: [3, 1],
    });
    const readNotice = await databases.models.CustomerNotice.findByPk(notice.id);
    expect(readNotice?.message).toBe('æøå ÆØÅ — '.repeat(500));
    expect(readNotice?.customerIds).toEqual([3, 1]);
  });

  it('compares text keys exactly (case and accents) on both dialects', async () => {
    await databases.models.Location.create({ locationCode: 'rgh-kf-petct1' });
    await databases.models.Location.create({ locationCode: 'RGH-KF-PÉTCT1' });
    expect(
      await databases.models.Location.count({ where: { locationCode: 'RGH-KF-PETCT1' } }),
    ).toBe(1);
  });
});
