/**
 * The dispenser vial watcher: VAL, CSV and XLSX files become vials (tracer by vial tag, owner
 * by dispenser id or short name), duplicates are skipped, files move to processed/ or
 * rejected/, a running watcher imports a dropped file at once, and production's rescan
 * imports what is waiting, live to the owner's shop users.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Op } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startVialWatchService } from '../src/background/vials/vialWatcher';
import { importVialFile, scanVialDirectory } from '../src/background/vials/vialImport';
import type { BackgroundService } from '../src/background';
import { collectEvents, eventually, upsertedRows } from './liveClient';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

interface ValFields {
  customer?: string;
  charge: string;
  filldate: string;
  filltime: string;
  activity: string;
  volume: string;
}

/** A VAL file as the dispenser writes it (ISO-8859-1, CRLF). */
function valText(fields: ValFields): Buffer {
  const lines = [
    `customer:   ${fields.customer ?? '1-Rigshospitalet1'}`,
    'part:       0',
    `charge:     ${fields.charge}`,
    'depotpos:   0',
    `filldate:   ${fields.filldate}`,
    `filltime:   ${fields.filltime}`,
    `activity:   ${fields.activity}`,
    `volume:     ${fields.volume}`,
    'gros:       0 g',
    'tare:       0 g',
    'net:        0 g',
    'product:    18F',
    'use_before: 24/01/24 17:30',
    'dispenser:  UK465 Københavns',
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

const EXPORT_HEADER = [
  'BatchReference',
  'Customer',
  'CustomerAddress',
  'DateTimeStamp',
  'DispensedDose',
  'RadVolumeDispensed',
  'ValueUnits',
  'Status',
];

async function filesIn(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).sort();
  } catch {
    return [];
  }
}

describe.each(TEST_DIALECTS)('dispenser vial watcher (%s)', (dialect) => {
  let api: TestApi;
  let directory: string;
  let rhKf: number;
  let herlev: number;
  let fdg: number;
  let fet: number;
  const models = () => api.db.models;
  const services = () => api.server.services;

  const vialsOfLot = (lotNumber: string) =>
    models().Vial.findAll({ where: { lotNumber }, order: [['id', 'ASC']] });

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    const customer = async (shortName: string) =>
      (await models().Customer.findOne({ where: { shortName } }))?.id ?? 0;
    const tracer = async (vialTag: string) =>
      (await models().Tracer.findOne({ where: { vialTag } }))?.id ?? 0;
    rhKf = await customer('RH KF');
    herlev = await customer('Herlev NM');
    fdg = await tracer('FDG');
    fet = await tracer('FET');
  });

  afterAll(async () => {
    await api?.close();
  });

  afterEach(async () => {
    if (directory !== undefined) {
      await rm(directory, { recursive: true, force: true });
    }
  });

  async function freshDirectory(): Promise<string> {
    directory = await mkdtemp(join(tmpdir(), 'tracershop-vials-'));
    return directory;
  }

  it('[URS-VIA-001] imports a VAL file: tracer by vial tag, owner by dispenser id, audited', async () => {
    const dir = await freshDirectory();
    const file = join(dir, 'VAL0001');
    await writeFile(
      file,
      valText({
        charge: 'FDG-240124-1',
        filldate: '24.01.24',
        filltime: '08:45:05',
        activity: '13233 MBq;',
        volume: '7.89 ml',
      }),
    );
    const result = await importVialFile(services(), file);
    expect(result).toMatchObject({ outcome: 'imported', created: 1, duplicates: 0 });
    const [vial, ...others] = await vialsOfLot('FDG-240124-1');
    expect(others).toEqual([]);
    expect(vial?.get({ plain: true })).toMatchObject({
      tracerId: fdg,
      customerId: rhKf,
      fillDate: '2024-01-24',
      fillTime: '08:45:05',
      activity: 13233,
      volume: 7.89,
      assignedToId: null,
    });
    const audit = await models().AuditEvent.findOne({
      where: { action: 'vial.import', entityId: vial?.id ?? 0 },
    });
    expect(audit?.actorName).toBe('system');
    expect(await filesIn(dir)).toEqual(['processed']);
    expect(await filesIn(join(dir, 'processed'))).toEqual(['VAL0001']);
  });

  it('[URS-VIA-001][URS-VIA-004] gives a VAL vial of an unknown dispenser no owner, and skips a duplicate', async () => {
    const dir = await freshDirectory();
    const fields: ValFields = {
      customer: '99-QC',
      charge: 'FET-240125-2',
      filldate: '25.01.24',
      filltime: '09:00:00',
      activity: '1500,5 MBq;',
      volume: '2,5 ml',
    };
    await writeFile(join(dir, 'VAL0002'), valText(fields));
    expect(await scanVialDirectory(services(), dir)).toEqual({
      files: 1,
      created: 1,
      duplicates: 0,
      rejected: 0,
    });
    const [vial] = await vialsOfLot('FET-240125-2');
    expect(vial?.get({ plain: true })).toMatchObject({
      tracerId: fet,
      customerId: null,
      activity: 1500.5,
      volume: 2.5,
    });

    // The same vial again (another file, and the same name again).
    await writeFile(join(dir, 'VAL0002'), valText(fields));
    await writeFile(join(dir, 'VAL0003'), valText(fields));
    expect(await scanVialDirectory(services(), dir)).toEqual({
      files: 2,
      created: 0,
      duplicates: 2,
      rejected: 0,
    });
    expect(await vialsOfLot('FET-240125-2')).toHaveLength(1);
    expect(await filesIn(join(dir, 'processed'))).toEqual(['VAL0002', 'VAL0002-2', 'VAL0003']);
  });

  it('[URS-VIA-002] imports CSV exports with ; or , separators, GBq/kBq and decimal commas', async () => {
    const dir = await freshDirectory();
    const semicolons = [
      EXPORT_HEADER.join(';'),
      'PSMA-240201-1;rh kf;"Blegdamsvej 9\r\n2100 København Ø";01-02-2024 12:37:27;2,929;3,8;GBq;OK',
      'PSMA-240201-1;RH KF;"Blegdamsvej 9";01-02-2024 12:47:51;5442;4,1;MBq;OK',
      '',
    ].join('\r\n');
    await writeFile(join(dir, 'export-1.csv'), Buffer.from(semicolons, 'latin1'));
    const commas = [
      `\uFEFF${EXPORT_HEADER.join(',')}`,
      'PSMA-240201-2,Herlev NM,"Herlev Ringvej 75, 2730 Herlev",01-02-2024 13:01:02,4019000,"3,5",kBq,OK',
    ].join('\n');
    await writeFile(join(dir, 'export-2.CSV'), commas, 'utf8');

    expect(await scanVialDirectory(services(), dir)).toEqual({
      files: 2,
      created: 3,
      duplicates: 0,
      rejected: 0,
    });
    const psma = (await models().Tracer.findOne({ where: { vialTag: 'PSMA' } }))?.id;
    const first = (await vialsOfLot('PSMA-240201-1')).map((vial) => vial.get({ plain: true }));
    expect(first).toMatchObject([
      {
        tracerId: psma,
        customerId: rhKf,
        fillDate: '2024-02-01',
        fillTime: '12:37:27',
        activity: 2929,
        volume: 3.8,
      },
      { customerId: rhKf, fillTime: '12:47:51', activity: 5442, volume: 4.1 },
    ]);
    const second = (await vialsOfLot('PSMA-240201-2')).map((vial) => vial.get({ plain: true }));
    expect(second).toMatchObject([
      { tracerId: psma, customerId: herlev, fillTime: '13:01:02', activity: 4019, volume: 3.5 },
    ]);
    expect(await filesIn(join(dir, 'processed'))).toEqual(['export-1.csv', 'export-2.CSV']);
  });

  it('[URS-VIA-002] imports an XLSX export, with text and date cells', async () => {
    const dir = await freshDirectory();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Export');
    sheet.addRow(EXPORT_HEADER);
    sheet.addRow([
      'DOTA-240301-1',
      'Herlev NM',
      'Herlev Ringvej 75\n2730 Herlev',
      '01-03-2024 10:15:00',
      1.25,
      '2,2',
      'GBq',
      'OK',
    ]);
    sheet.addRow([
      'DOTA-240301-1',
      'herlev nm',
      '',
      new Date(Date.UTC(2024, 2, 1, 10, 20, 30)),
      '980,5',
      4,
      'MBq',
      'OK',
    ]);
    await workbook.xlsx.writeFile(join(dir, 'dispenser.xlsx'));

    expect(await scanVialDirectory(services(), dir)).toEqual({
      files: 1,
      created: 2,
      duplicates: 0,
      rejected: 0,
    });
    const dota = (await models().Tracer.findOne({ where: { vialTag: 'DOTA' } }))?.id;
    const vials = (await vialsOfLot('DOTA-240301-1')).map((vial) => vial.get({ plain: true }));
    expect(vials).toMatchObject([
      { tracerId: dota, customerId: herlev, fillDate: '2024-03-01', fillTime: '10:15:00' },
      { tracerId: dota, customerId: herlev, fillTime: '10:20:30', activity: 980.5, volume: 4 },
    ]);
    expect(vials[0]).toMatchObject({ activity: 1250, volume: 2.2 });
  });

  it('[URS-VIA-003] rejects a garbage file, an export with an unknown customer and a missing column', async () => {
    const dir = await freshDirectory();
    await writeFile(join(dir, 'VALgarbage'), Buffer.from([0, 1, 2, 255, 254, 10, 13, 65, 66]));
    await writeFile(
      join(dir, 'unknown.csv'),
      [
        EXPORT_HEADER.join(';'),
        'FDG-240401-1;RH KF;;01-04-2024 08:00:00;100;1;MBq;OK',
        'FDG-240401-1;Nowhere Hospital;;01-04-2024 08:10:00;100;1;MBq;OK',
      ].join('\n'),
    );
    await writeFile(join(dir, 'columns.csv'), 'BatchReference;Customer\nFDG-240401-2;RH KF\n');
    await writeFile(join(dir, 'broken.xlsx'), 'not a zip file');
    await writeFile(join(dir, 'notes.txt'), 'left alone');
    await writeFile(join(dir, 'VALempty'), '');

    expect(await scanVialDirectory(services(), dir)).toEqual({
      files: 4,
      created: 0,
      duplicates: 0,
      rejected: 4,
    });
    expect(await vialsOfLot('FDG-240401-1')).toEqual([]);
    expect(await filesIn(dir)).toEqual(['VALempty', 'notes.txt', 'rejected']);
    const rejected = join(dir, 'rejected');
    expect(await filesIn(rejected)).toEqual([
      'VALgarbage',
      'VALgarbage.reason.txt',
      'broken.xlsx',
      'broken.xlsx.reason.txt',
      'columns.csv',
      'columns.csv.reason.txt',
      'unknown.csv',
      'unknown.csv.reason.txt',
    ]);
    expect(await readFile(join(rejected, 'unknown.csv.reason.txt'), 'utf8')).toContain(
      'row 3: no customer has the short name "Nowhere Hospital"',
    );
    expect(await readFile(join(rejected, 'columns.csv.reason.txt'), 'utf8')).toContain(
      'missing columns DateTimeStamp, DispensedDose, RadVolumeDispensed, ValueUnits',
    );
    expect(await readFile(join(rejected, 'VALgarbage.reason.txt'), 'utf8')).toContain(
      'Not a readable VAL file',
    );
  });

  it('[URS-PRF-005] a running watcher imports a burst of 500 files', async () => {
    const dir = await freshDirectory();
    const service = await startVialWatchService(
      services(),
      { VIAL_WATCH_DIR: dir, VIAL_WATCH_STABLE_MS: '200' },
      false,
    );
    try {
      await Promise.all(
        Array.from({ length: 500 }, (_, index) =>
          writeFile(
            join(dir, `VAL${String(index).padStart(4, '0')}`),
            valText({
              customer: index % 2 === 0 ? '1-RH' : '2-Herlev',
              charge: `NAF-240501-${index + 1}`,
              filldate: '01.05.24',
              filltime: '07:30:00',
              activity: `${1000 + index} MBq;`,
              volume: '1.5 ml',
            }),
          ),
        ),
      );
      // Waits until all are processed (the test's own timeout bounds it): on a loaded CI
      // machine, with every suite running at once, a burst can take well over a minute.
      const deadline = Date.now() + 170_000;
      while ((await filesIn(join(dir, 'processed'))).length < 500 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await service?.stop();
    }
    const vials = await models().Vial.findAll({
      where: { lotNumber: { [Op.like]: 'NAF-240501-%' } },
    });
    expect(vials).toHaveLength(500);
    expect(vials.filter((vial) => vial.customerId === herlev)).toHaveLength(250);
    expect(new Set(vials.map((vial) => vial.activity)).size).toBe(500);
    expect(await filesIn(dir)).toEqual(['processed']);
    expect(await filesIn(join(dir, 'processed'))).toHaveLength(500);
    expect(await scanVialDirectory(services(), dir)).toEqual({
      files: 0,
      created: 0,
      duplicates: 0,
      rejected: 0,
    });
  }, 180_000);

  it('[URS-VIA-010] a running watcher imports waiting files at start and a dropped file within 2 s', async () => {
    const dir = await freshDirectory();
    await writeFile(
      join(dir, 'VALwaiting'),
      valText({
        charge: 'PIB-240601-1',
        filldate: '01.06.24',
        filltime: '10:00:00',
        activity: '800 MBq;',
        volume: '3 ml',
      }),
    );
    const service: BackgroundService | null = await startVialWatchService(
      services(),
      { VIAL_WATCH_DIR: dir, VIAL_WATCH_STABLE_MS: '200' },
      false,
    );
    expect(service).not.toBeNull();
    try {
      let waiting = 0;
      let dropped = 0;
      const poll = async (): Promise<void> => {
        waiting = (await vialsOfLot('PIB-240601-1')).length;
        dropped = (await vialsOfLot('PIB-240601-2')).length;
      };
      const deadline = Date.now() + 5000;
      while (waiting === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await poll();
      }
      expect(waiting).toBe(1);

      const droppedAt = Date.now();
      await writeFile(
        join(dir, 'VALdropped'),
        valText({
          charge: 'PIB-240601-2',
          filldate: '01.06.24',
          filltime: '11:00:00',
          activity: '700 MBq;',
          volume: '3 ml',
        }),
      );
      while (dropped === 0 && Date.now() - droppedAt < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await poll();
      }
      expect(dropped).toBe(1);
      expect(Date.now() - droppedAt).toBeLessThan(2000);
      // The file is moved after the vial's transaction commits: a moment later.
      const movedBy = Date.now() + 5000;
      let processed = await filesIn(join(dir, 'processed'));
      while (processed.length < 2 && Date.now() < movedBy) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        processed = await filesIn(join(dir, 'processed'));
      }
      expect(processed).toEqual(['VALdropped', 'VALwaiting']);
    } finally {
      await service?.stop();
    }
  });

  it('is not started without VIAL_WATCH_DIR, and refuses a missing folder', async () => {
    expect(await startVialWatchService(services(), {}, true)).toBeNull();
    await expect(
      startVialWatchService(services(), { VIAL_WATCH_DIR: join(tmpdir(), 'no-such-dir-x') }, true),
    ).rejects.toThrow('is not a directory');
  });

  it('[URS-VIA-008] vials.rescan imports pending files for production, live to the owner', async () => {
    const dir = await freshDirectory();
    const prodUser = await api.loginAs('prod-user');
    const shopUser = await api.loginAs('shop-user');
    const external = await api.loginAs('external');
    const previous = process.env.VIAL_WATCH_DIR;
    delete process.env.VIAL_WATCH_DIR;
    try {
      expect(await reasonOf(prodUser.trpc.vials.rescan.mutate())).toBe('VIAL_WATCH_OFF');
      process.env.VIAL_WATCH_DIR = dir;
      expect(await reasonOf(shopUser.trpc.vials.rescan.mutate())).toBe('FORBIDDEN_ROLE');

      const shop = collectEvents(shopUser);
      const other = collectEvents(external);
      await Promise.all([shop.started, other.started]);
      await writeFile(
        join(dir, 'VALrescan'),
        valText({
          customer: '1-RH',
          charge: 'FDG-240701-1',
          filldate: '01.07.24',
          filltime: '08:00:00',
          activity: '9000 MBq;',
          volume: '8 ml',
        }),
      );
      await writeFile(join(dir, 'VALjunk'), 'nothing here');
      expect(await prodUser.trpc.vials.rescan.mutate()).toEqual({
        files: 2,
        created: 1,
        duplicates: 0,
        rejected: 1,
      });
      await eventually(
        () =>
          upsertedRows<{ lotNumber: string }>(shop.events, 'Vial').some(
            (row) => row.lotNumber === 'FDG-240701-1',
          ),
        5000,
      );
      const [vial] = await vialsOfLot('FDG-240701-1');
      expect(vial?.customerId).toBe(rhKf);
      const audit = await models().AuditEvent.findOne({
        where: { action: 'vial.import', entityId: vial?.id ?? 0 },
      });
      expect(audit?.actorName).toBe('Demo Production User');
      expect(upsertedRows(other.events, 'Vial')).toEqual([]);
      shop.stop();
      other.stop();
      expect(await prodUser.trpc.vials.rescan.mutate()).toEqual({
        files: 0,
        created: 0,
        duplicates: 0,
        rejected: 0,
      });
    } finally {
      if (previous === undefined) {
        delete process.env.VIAL_WATCH_DIR;
      } else {
        process.env.VIAL_WATCH_DIR = previous;
      }
    }
  });
});
