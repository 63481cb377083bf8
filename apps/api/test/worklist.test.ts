/**
 * The DICOM worklist poller against a real Modality Worklist SCP (dcmtk's wlmscpfs serving
 * worklist files written with dump2dcm): one poll creates the bookings (rooms and studies as
 * HL7 does) and synchronises the polled dates; a step that disappears takes its booking with
 * it unless ordered; an unreachable RIS leaves every booking as it was.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BookingStatus } from '@tracershop/core';
import { SERVER_SETTINGS_ID } from '@tracershop/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTestPeers } from '@tracershop/db/testing';
import { pollWorklistOnce, startWorklistService } from '../src/background/ris/worklistPoller';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

const run = promisify(execFile);
const AE_TITLE = 'RISWL';
const TODAY = '2026-11-23';

interface Step {
  file: string;
  accession?: string;
  stepId: string;
  date: string;
  time: string;
  location: string;
  code?: string;
  description: string;
}

/** A worklist entry as dcmtk dump text (latin-1, ISO_IR 100). */
function dumpOf(step: Step): string {
  const lines = [
    '(0008,0005) CS [ISO_IR 100]',
    `(0008,0050) SH [${step.accession ?? ''}]`,
    '(0010,0010) PN [Hansen^Hans]',
    '(0010,0020) LO [0101011234]',
    `(0020,000d) UI [1.2.826.0.1.3680043.2.${step.stepId.replace(/\D/g, '') || '9'}]`,
    `(0032,1060) LO [${step.description}]`,
  ];
  if (step.code !== undefined) {
    lines.push(
      '(0032,1064) SQ',
      '(fffe,e000) -',
      `(0008,0100) SH [${step.code}]`,
      '(0008,0102) SH [RIS]',
      `(0008,0104) LO [${step.description}]`,
      '(fffe,e00d) -',
      '(fffe,e0dd) -',
    );
  }
  lines.push(
    '(0040,0100) SQ',
    '(fffe,e000) -',
    '(0008,0060) CS [PT]',
    '(0040,0001) AE [PETCT1]',
    `(0040,0002) DA [${step.date.replaceAll('-', '')}]`,
    `(0040,0003) TM [${step.time.replaceAll(':', '')}]`,
    `(0040,0007) LO [${step.description}]`,
    `(0040,0009) SH [${step.stepId}]`,
    `(0040,0011) SH [${step.location}]`,
    '(fffe,e00d) -',
    '(fffe,e0dd) -',
    `(0040,1001) SH [RP${step.stepId}]`,
  );
  return `${lines.join('\n')}\n`;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`wlmscpfs did not listen on ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(missingTestPeers(['dcmtk']) !== undefined).each(TEST_DIALECTS)(
  'worklist poller (%s)',
  (dialect) => {
    let api: TestApi;
    let root: string;
    let folder: string;
    let scp: ChildProcess;
    let port: number;

    async function writeStep(step: Step): Promise<void> {
      const dump = path.join(folder, `${step.file}.dump`);
      await writeFile(dump, dumpOf(step), 'latin1');
      await run('dump2dcm', [dump, path.join(folder, `${step.file}.wl`)]);
      await rm(dump);
    }

    async function pointRisAt(risPort: number, aeTitle = AE_TITLE): Promise<void> {
      const address = await api.db.models.ServiceAddress.create({
        kind: 'dicom',
        host: '127.0.0.1',
        port: risPort,
        aeTitle,
        description: 'RIS worklist',
      });
      await api.db.models.ServerSettings.update(
        { risAddressId: address.id },
        { where: { id: SERVER_SETTINGS_ID } },
      );
    }

    beforeAll(async () => {
      api = await startTestApi({ dialect, today: TODAY });
      root = await mkdtemp(path.join(tmpdir(), 'tracershop-worklist-'));
      folder = path.join(root, AE_TITLE);
      await run('mkdir', ['-p', folder]);
      await writeFile(path.join(folder, 'lockfile'), '');
      port = await freePort();
      scp = spawn('wlmscpfs', ['-dfp', root, String(port)], { stdio: 'ignore' });
      await waitForPort(port);
    });

    afterAll(async () => {
      scp?.kill();
      await api?.close();
      if (root !== undefined) {
        await rm(root, { recursive: true, force: true });
      }
    });

    const bookingOf = (accessionNumber: string) =>
      api.db.models.Booking.findOne({ where: { accessionNumber } });

    it('is started when enabled also without a configured RIS, whose polls then fail', async () => {
      await api.db.models.ServerSettings.update(
        { risAddressId: null },
        { where: { id: SERVER_SETTINGS_ID } },
      );
      expect(await startWorklistService(api.server.services, {}, false)).toBeNull();
      // A RIS address chosen later is used by the next poll: no restart.
      const service = await startWorklistService(
        api.server.services,
        { WORKLIST_ENABLED: '1' },
        false,
      );
      expect(service?.name).toBe('worklist');
      await service?.stop();
      await expect(pollWorklistOnce(api.server.services)).rejects.toThrow(/no RIS address/);
    });

    it('[URS-INT-002] creates the bookings of the polled dates and synchronises them', async () => {
      await pointRisAt(port);
      await writeStep({
        file: 'one',
        accession: 'DKREGH0003000001',
        stepId: 'SPS1',
        date: '2026-11-24',
        time: '08:30:00',
        location: 'RGH-KF-PETCT1',
        code: 'WZCXPET01',
        description: 'PET/CT FDG helkrop',
      });
      await writeStep({
        file: 'two',
        accession: 'DKREGH0003000002',
        stepId: 'SPS2',
        date: '2026-11-25',
        time: '10:05:00',
        location: 'RGH-KF-WLNY',
        description: 'PET/CT Worklist ny (æø)',
      });
      await writeStep({
        file: 'three',
        stepId: 'SPS3',
        date: '2026-11-26',
        time: '13:00:00',
        location: 'RGH-KF-PETCT2',
        code: 'WZCXNAF',
        description: 'PET/CT NaF knogler',
      });
      await writeStep({
        file: 'later',
        accession: 'DKREGH0003000004',
        stepId: 'SPS4',
        date: '2026-12-15',
        time: '09:00:00',
        location: 'RGH-KF-PETCT1',
        code: 'WZCXPET01',
        description: 'PET/CT FDG helkrop',
      });
      const { Booking, Location, ProcedureIdentifier } = api.db.models;
      const ordered = await Booking.findAll({
        where: { startDate: TODAY, status: BookingStatus.Ordered },
      });
      expect(ordered.length).toBeGreaterThan(0);
      const seededLater = await Booking.count({ where: { startDate: '2026-12-15' } });

      const result = await pollWorklistOnce(api.server.services, { callingAeTitle: 'TRACERSHOP' });
      expect(result).toMatchObject({ steps: 3, skipped: 0, created: 3 });
      expect(result.dates).toHaveLength(8);
      expect(result.dates[0]).toBe(TODAY);

      const one = await bookingOf('DKREGH0003000001');
      expect(one).toMatchObject({
        startDate: '2026-11-24',
        startTime: '08:30:00',
        status: BookingStatus.Initial,
      });
      const fdg = await ProcedureIdentifier.findOne({ where: { code: 'WZCXPET01' } });
      expect(one?.procedureIdentifierId).toBe(fdg?.id);

      const two = await bookingOf('DKREGH0003000002');
      const room = await Location.findOne({ where: { locationCode: 'RGH-KF-WLNY' } });
      expect(room?.endpointId).toBeNull();
      expect(two?.locationId).toBe(room?.id);
      const study = await ProcedureIdentifier.findByPk(two?.procedureIdentifierId ?? 0);
      expect(study).toMatchObject({ code: null, description: 'PET/CT Worklist ny (æø)' });

      // No accession number: the step id stands in.
      expect(await bookingOf('SPS3')).toMatchObject({
        startDate: '2026-11-26',
        startTime: '13:00:00',
      });
      // Outside the polled dates: not asked for.
      expect(await bookingOf('DKREGH0003000004')).toBeNull();
      expect(await Booking.count({ where: { startDate: '2026-12-15' } })).toBe(seededLater);

      // The full sync: the seeded bookings the RIS does not list are gone, ordered ones stay.
      const remaining = await Booking.findAll({ where: { startDate: TODAY } });
      expect(remaining.map((booking) => booking.id).sort()).toEqual(
        ordered.map((booking) => booking.id).sort(),
      );
      expect(result.keptOrdered).toBeGreaterThanOrEqual(ordered.length);
    });

    it('[URS-INT-002] an unchanged second poll changes nothing; a removed step takes its booking', async () => {
      const again = await pollWorklistOnce(api.server.services);
      expect(again).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 3 });

      await (await bookingOf('SPS3'))?.update({ status: BookingStatus.Ordered });
      await rm(path.join(folder, 'two.wl'));
      await rm(path.join(folder, 'three.wl'));
      const result = await pollWorklistOnce(api.server.services);
      expect(result).toMatchObject({ steps: 1, deleted: 1 });
      expect(await bookingOf('DKREGH0003000002')).toBeNull();
      // Ordered: kept although the RIS no longer lists it.
      expect(await bookingOf('SPS3')).not.toBeNull();
      expect(await bookingOf('DKREGH0003000001')).not.toBeNull();
    });

    it('[URS-INT-002] leaves bookings untouched when the RIS cannot be reached or refuses', async () => {
      const { Booking } = api.db.models;
      const before = JSON.stringify(await Booking.findAll({ order: [['id', 'ASC']] }));
      await pointRisAt(await freePort());
      await expect(pollWorklistOnce(api.server.services, { timeoutMs: 2000 })).rejects.toThrow(
        /unreachable|closed|timed out/,
      );
      await pointRisAt(port, 'NOSUCHAE');
      await expect(pollWorklistOnce(api.server.services, { timeoutMs: 2000 })).rejects.toThrow();
      expect(JSON.stringify(await Booking.findAll({ order: [['id', 'ASC']] }))).toBe(before);

      // The scheduled service logs the failure and keeps running.
      const service = await startWorklistService(
        api.server.services,
        { WORKLIST_ENABLED: '1', WORKLIST_POLL_MINUTES: '15', WORKLIST_TIMEOUT_SECONDS: '2' },
        false,
      );
      expect(service?.name).toBe('worklist');
      await service?.stop();
      expect(JSON.stringify(await Booking.findAll({ order: [['id', 'ASC']] }))).toBe(before);
    });
  },
);
