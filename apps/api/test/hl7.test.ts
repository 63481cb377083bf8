/**
 * The HL7 listener against a real third-party HL7 client (node-hl7-client) over TCP: orders
 * create, update and cancel bookings, auto-create rooms and synchronise study identifiers;
 * ACKs say AA only after the commit, AE with a reason, AR for what is not handled; a bad
 * message changes nothing; shop screens receive the booking live; the allow-list holds.
 */
import net from 'node:net';
import { BookingStatus, maskAccessionNumber } from '@tracershop/core';
import { Client, Message } from 'node-hl7-client';
import type { Connection } from 'node-hl7-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hl7Listener } from '../src/background/ris/hl7Listener';
import { startHl7Listener, startHl7Service } from '../src/background/ris/hl7Listener';
import type { ChangeEvent } from '../src/events/changeEvents';
import { collectEvents, eventually } from './liveClient';
import type { TestApi } from './testApi';
import { TEST_DIALECTS, startTestApi } from './testApi';

interface Order {
  control: 'XO' | 'CA' | 'DC' | 'NW';
  accession: string;
  /** ORC-7.4 `YYYYMMDDHHMMSS`. */
  start?: string;
  code?: string;
  description?: string;
  location?: string;
  status?: string;
}

interface Ack {
  code: string;
  controlId: string;
  text: string;
}

/** An ORM^O01 built with node-hl7-client's builder, one ORC/OBR pair per order. */
function ormMessage(controlId: string, orders: Order[], type: [string, string] = ['ORM', 'O01']) {
  const message = new Message({
    messageHeader: { msh_9_1: type[0], msh_9_2: type[1], msh_10: controlId, msh_11_1: 'P' },
  });
  message.set('MSH.3', 'Sectra');
  message.set('MSH.4', 'Sectra RIS');
  for (const order of orders) {
    const orc = message.addSegment('ORC');
    orc.set('1', order.control);
    orc.set('5', order.status ?? 'Scheduled');
    if (order.start !== undefined) {
      orc.set('7.4', order.start);
    }
    if (order.control === 'XO' || order.control === 'NW') {
      orc.set('20', order.accession);
    }
    const obr = message.addSegment('OBR');
    obr.set('4.1', order.code ?? '');
    obr.set('4.2', order.description ?? '');
    if (order.control === 'CA' || order.control === 'DC') {
      obr.set('20', order.accession);
    }
    obr.set('21', order.location ?? '');
  }
  return message;
}

/** One connection of the HL7 client, sending one message at a time and awaiting its ACK. */
class Hl7Sender {
  private readonly client = new Client({ host: '127.0.0.1' });
  private readonly connection: Connection;
  private readonly connected: Promise<void>;
  private waiting: ((ack: Ack) => void) | null = null;

  constructor(port: number) {
    this.connection = this.client.createConnection({ port, encoding: 'latin1' }, (response) => {
      const ack = response.getMessage();
      this.waiting?.({
        code: ack.get('MSA.1').toString(),
        controlId: ack.get('MSA.2').toString(),
        text: ack.get('MSA.3').toString(),
      });
      this.waiting = null;
    });
    this.connected = new Promise((resolve) => this.connection.once('connect', () => resolve()));
  }

  async send(message: Message): Promise<Ack> {
    await this.connected;
    const answered = new Promise<Ack>((resolve, reject) => {
      this.waiting = resolve;
      setTimeout(() => reject(new Error('no ACK')), 10_000);
    });
    await this.connection.sendMessage(message);
    return answered;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** Raw MLLP bytes over a plain socket, written in the given pieces; resolves the ACK texts. */
async function sendRaw(port: number, pieces: Buffer[], expected: number): Promise<string[]> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let received = Buffer.alloc(0);
  const acks = new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no ACKs')), 10_000);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const frames = received
        .toString('latin1')
        .split('\u001c\r')
        .filter((frame) => frame.startsWith('\u000b'));
      if (frames.length >= expected) {
        clearTimeout(timer);
        resolve(frames.map((frame) => frame.slice(1)));
      }
    });
  });
  for (const piece of pieces) {
    socket.write(piece);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const texts = await acks;
  socket.destroy();
  return texts;
}

function msaOf(ack: string): string[] {
  const msa = ack.split('\r').find((line) => line.startsWith('MSA|')) ?? '';
  return msa.split('|');
}

describe.each(TEST_DIALECTS)('HL7 listener (%s)', (dialect) => {
  let api: TestApi;
  let listener: Hl7Listener;
  let sender: Hl7Sender;
  let pet1Customer: number;
  const day = '2026-11-24';

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    listener = await startHl7Listener(api.server.services, { port: 0, host: '127.0.0.1' });
    sender = new Hl7Sender(listener.port);
    const room = await api.db.models.Location.findOne({
      where: { locationCode: 'RGH-KF-PETCT1' },
    });
    const endpoint = await api.db.models.DeliveryEndpoint.findByPk(room?.endpointId ?? 0);
    pet1Customer = endpoint?.customerId ?? 0;
  });

  afterAll(async () => {
    await sender?.close();
    await listener?.stop();
    await api?.close();
  });

  const bookingOf = (accessionNumber: string) =>
    api.db.models.Booking.findOne({ where: { accessionNumber } });

  async function snapshot() {
    const { Booking, Location, ProcedureIdentifier } = api.db.models;
    const order = [['id', 'ASC']] as [string, string][];
    return JSON.stringify([
      await Booking.findAll({ order }),
      await Location.findAll({ order }),
      await ProcedureIdentifier.findAll({ order }),
    ]);
  }

  it('[URS-INT-001] creates bookings, rooms and identifiers, and a shop screen sees them live', async () => {
    const shop = await api.loginAs('shop-user');
    const live = collectEvents(shop);
    await live.started;

    const ack = await sender.send(
      ormMessage('CREATE1', [
        {
          control: 'XO',
          accession: 'DKREGH0001000001',
          start: '20261124081500',
          code: 'WZCXPET01',
          description: 'PET/CT FDG helkrop',
          location: 'RGH-KF-PETCT1',
        },
        {
          control: 'XO',
          accession: 'DKREGH0001000002',
          start: '20261124123000',
          code: 'WZNY001',
          description: 'PET/CT Kolin hjerne (ø)',
          location: 'RGH-KF-NYRUM',
        },
      ]),
    );
    expect(ack).toEqual({ code: 'AA', controlId: 'CREATE1', text: '' });

    const first = await bookingOf('DKREGH0001000001');
    expect(first).toMatchObject({
      startDate: day,
      startTime: '08:15:00',
      status: BookingStatus.Initial,
    });
    const second = await bookingOf('DKREGH0001000002');
    const room = await api.db.models.Location.findOne({ where: { locationCode: 'RGH-KF-NYRUM' } });
    expect(room).toMatchObject({ endpointId: null, commonName: null });
    expect(second?.locationId).toBe(room?.id);
    const study = await api.db.models.ProcedureIdentifier.findOne({ where: { code: 'WZNY001' } });
    expect(study?.description).toBe('PET/CT Kolin hjerne (ø)');
    expect(second?.procedureIdentifierId).toBe(study?.id);

    // The shop user of the room's customer gets the booking, masked; not the unmapped room's.
    await eventually(() =>
      live.events.some((event) => event.entity === 'Booking' && event.op === 'upsert'),
    );
    const bookingEvents = live.events.filter(
      (event): event is ChangeEvent => event.entity === 'Booking',
    );
    const rows = bookingEvents.flatMap((event) => (event.rows ?? []) as { id: number }[]);
    expect(rows.map((row) => row.id)).toEqual([first?.id]);
    expect(JSON.stringify(rows)).toContain(maskAccessionNumber('DKREGH0001000001'));
    expect(JSON.stringify(live.events)).not.toContain('0001000001');
    expect(pet1Customer).toBeGreaterThan(0);
    live.stop();
  });

  it('[URS-INT-003] synchronises identifiers by code, else by description', async () => {
    const ack = await sender.send(
      ormMessage('SYNC1', [
        {
          control: 'XO',
          accession: 'DKREGH0001000003',
          start: '20261124090000',
          code: 'WZCXPET02-NY',
          description: 'PET/CT FDG hjerne',
          location: 'RGH-KF-PETCT1',
        },
        {
          control: 'XO',
          accession: 'DKREGH0001000004',
          start: '20261124093000',
          code: 'WZCXFET',
          description: 'PET/MR FET hjerne (ny tekst)',
          location: 'RGH-KF-PETCT2',
        },
      ]),
    );
    expect(ack.code).toBe('AA');
    const { ProcedureIdentifier } = api.db.models;
    const byDescription = await ProcedureIdentifier.findOne({
      where: { description: 'PET/CT FDG hjerne' },
    });
    expect(byDescription?.code).toBe('WZCXPET02-NY');
    expect(await ProcedureIdentifier.count({ where: { code: 'WZCXPET02' } })).toBe(0);
    const byCode = await ProcedureIdentifier.findOne({ where: { code: 'WZCXFET' } });
    expect(byCode?.description).toBe('PET/MR FET hjerne (ny tekst)');
    expect((await bookingOf('DKREGH0001000004'))?.procedureIdentifierId).toBe(byCode?.id);
  });

  it('[URS-INT-003] keeps the status on an unchanged re-send, resets it when rescheduled', async () => {
    const order: Order = {
      control: 'XO',
      accession: 'DKREGH0001000001',
      start: '20261124081500',
      code: 'WZCXPET01',
      description: 'PET/CT FDG helkrop',
      location: 'RGH-KF-PETCT1',
    };
    await (await bookingOf(order.accession))?.update({ status: BookingStatus.Ordered });
    expect((await sender.send(ormMessage('RESEND1', [order]))).code).toBe('AA');
    expect((await bookingOf(order.accession))?.status).toBe(BookingStatus.Ordered);

    // Another room only: the status stays.
    const moved = { ...order, location: 'RGH-KF-PETCT2' };
    expect((await sender.send(ormMessage('MOVE1', [moved]))).code).toBe('AA');
    const inRoom2 = await bookingOf(order.accession);
    expect(inRoom2?.status).toBe(BookingStatus.Ordered);

    const later = { ...moved, start: '20261124111500' };
    expect((await sender.send(ormMessage('UPDATE1', [later]))).code).toBe('AA');
    expect(await bookingOf(order.accession)).toMatchObject({
      startTime: '11:15:00',
      status: BookingStatus.Initial,
    });
    expect(await api.db.models.Booking.count({ where: { accessionNumber: order.accession } })).toBe(
      1,
    );
  });

  it('[URS-INT-001] deletes on cancel (CA, DC) and the shop screen hears it', async () => {
    const shop = await api.loginAs('shop-user');
    const live = collectEvents(shop);
    await live.started;
    const booking = await bookingOf('DKREGH0001000001');
    expect(booking).not.toBeNull();
    const ack = await sender.send(
      ormMessage('CANCEL1', [
        { control: 'CA', accession: 'DKREGH0001000001' },
        { control: 'DC', accession: 'DKREGH0001000003' },
      ]),
    );
    expect(ack.code).toBe('AA');
    expect(await bookingOf('DKREGH0001000001')).toBeNull();
    expect(await bookingOf('DKREGH0001000003')).toBeNull();
    await eventually(() =>
      live.events.some(
        (event) =>
          event.entity === 'Booking' &&
          event.op === 'delete' &&
          (event.ids ?? []).includes(booking?.id ?? -1),
      ),
    );
    live.stop();
    // Cancelling again: nothing to delete, still accepted.
    const again = await sender.send(
      ormMessage('CANCEL2', [{ control: 'CA', accession: 'DKREGH0001000001' }]),
    );
    expect(again.code).toBe('AA');
  });

  it('[URS-INT-001] answers AE or AR to what it cannot store, and changes nothing', async () => {
    const before = await snapshot();
    const missingStart = await sender.send(
      ormMessage('BAD1', [
        {
          control: 'XO',
          accession: 'DKREGH0001000010',
          start: '20261124100000',
          code: 'WZCXPET01',
          location: 'RGH-KF-NEU1',
        },
        { control: 'XO', accession: 'DKREGH0001000011', code: 'WZCXPET01', location: 'X' },
      ]),
    );
    expect(missingStart.code).toBe('AE');
    expect(missingStart.controlId).toBe('BAD1');
    expect(missingStart.text).toContain('ORC-7');

    const tooLong = await sender.send(
      ormMessage('BAD2', [
        {
          control: 'XO',
          accession: 'DKREGH0001000012',
          start: '20261124100000',
          code: 'WZNY-LANG',
          description: 'Ny undersøgelse',
          location: 'RGH-KF-NEU2',
        },
        {
          control: 'XO',
          accession: 'X'.repeat(40),
          start: '20261124100000',
          code: 'WZCXPET01',
          location: 'RGH-KF-PETCT1',
        },
      ]),
    );
    expect(tooLong.code).toBe('AE');
    expect(tooLong.text).toContain('accession number');

    const adt = await sender.send(ormMessage('ADT1', [], ['ADT', 'A01']));
    expect(adt.code).toBe('AR');
    expect(adt.text).toContain('ADT^A01');

    const empty = await sender.send(ormMessage('EMPTY1', []));
    expect(empty.code).toBe('AE');

    // Garbage and a valid ORM split across writes, on one connection.
    const valid =
      'MSH|^~\\&|Sectra|Sectra RIS|TS|RH|20261121120000||ORM^O01|RAW2|P|2.3.1\r' +
      'ORC|NW|P1||||||||||||||||||DKREGH0001000013\rOBR||P1|F1|WZCXPET01^PET/CT FDG helkrop\r';
    const bytes = Buffer.concat([
      Buffer.from('\u000bthis is not hl7\u001c\r', 'latin1'),
      Buffer.from(`\u000b${valid}\u001c\r`, 'latin1'),
    ]);
    const acks = await sendRaw(
      listener.port,
      [bytes.subarray(0, 7), bytes.subarray(7, 40), bytes.subarray(40)],
      2,
    );
    expect(msaOf(acks[0] ?? '')[1]).toBe('AR');
    // A new order (NW) is not a booking change: accepted, nothing stored.
    expect(msaOf(acks[1] ?? '').slice(1, 3)).toEqual(['AA', 'RAW2']);
    expect(await snapshot()).toBe(before);
  });

  it('[URS-INT-001] refuses senders not on the allow-list', async () => {
    const guarded = await startHl7Listener(api.server.services, {
      port: 0,
      host: '127.0.0.1',
      allowedHosts: ['10.20.30.40'],
    });
    const other = new Hl7Sender(guarded.port);
    try {
      const before = await snapshot();
      const ack = await other.send(
        ormMessage('DENY1', [
          {
            control: 'XO',
            accession: 'DKREGH0001000020',
            start: '20261124100000',
            code: 'WZCXPET01',
            location: 'RGH-KF-PETCT1',
          },
        ]),
      );
      expect(ack.code).toBe('AR');
      expect(ack.text).toBe('Sender not allowed');
      expect(await snapshot()).toBe(before);
    } finally {
      await other.close();
      await guarded.stop();
    }
    const open = await startHl7Listener(api.server.services, {
      port: 0,
      host: '127.0.0.1',
      allowedHosts: ['127.0.0.1'],
    });
    const local = new Hl7Sender(open.port);
    try {
      const ack = await local.send(
        ormMessage('ALLOW1', [
          {
            control: 'XO',
            accession: 'DKREGH0001000021',
            start: '20261124100000',
            code: 'WZCXPET01',
            location: 'RGH-KF-PETCT1',
          },
        ]),
      );
      expect(ack.code).toBe('AA');
      expect(await bookingOf('DKREGH0001000021')).not.toBeNull();
    } finally {
      await local.close();
      await open.stop();
    }
  });

  it('starts as a background service only when enabled', async () => {
    const services = api.server.services;
    expect(await startHl7Service(services, {}, false)).toBeNull();
    const service = await startHl7Service(
      services,
      { HL7_ENABLED: '1', HL7_PORT: '0', HL7_HOST: '127.0.0.1', HL7_ALLOWED_HOSTS: 'localhost' },
      false,
    );
    expect(service?.name).toBe('hl7');
    await service?.stop();
  });
});
