/**
 * The HL7 listener (docs/operations.md, docs/domain.md): the RIS sends `ORM^O01`
 * orders over MLLP (port 2575, latin-1); each message's ORC/OBR pairs become booking changes
 * (core's `parseHl7Orm`), applied in one transaction. The ACK follows the outcome: `AA` only
 * after the commit, `AE` with the reason when the message could not be stored (nothing of it
 * is), `AR` for a message this listener does not handle or a sender not on the allow-list.
 */
import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { buildHl7Ack, hl7MessageControlId, parseHl7Orm } from '@tracershop/core';
import type { Hl7AckCode } from '@tracershop/core';
import { siteNow } from '../../clock';
import type { ApiServices } from '../../trpc/context';
import type { BackgroundService, BackgroundServiceStarter } from '../backgroundService';
import type { RisBookingChange } from './bookingUpsert';
import { BookingInputError, applyBookingChanges } from './bookingUpsert';
import { plainAddress, startMllpServer } from './mllpServer';

export const DEFAULT_HL7_PORT = 2575;
const HL7_ENCODING = 'latin1';

export interface Hl7ListenerOptions {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  host?: string;
  /** Sender IP addresses accepted; empty or absent accepts every sender. */
  allowedHosts?: readonly string[];
}

export interface Hl7Listener extends BackgroundService {
  port: number;
}

/** What the header says and which ORC pairs ask for a change (to tell AE from "nothing to do"). */
interface MessageOutline {
  type: string;
  /** ORC pairs whose control code asks for a booking change (XO not started, DC, CA). */
  actionablePairs: number;
  pairs: number;
}

/** The outline of a message, or null when it has no MSH segment. */
function outlineOf(text: string): MessageOutline | null {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.replaceAll('\u000b', '').trimStart());
  const msh = lines.find((line) => line.startsWith('MSH'));
  if (msh === undefined || msh.length < 8) {
    return null;
  }
  const field = msh.charAt(3);
  const component = msh.charAt(4);
  const first = (value: string | undefined) => (value ?? '').split(component)[0]?.trim() ?? '';
  // MSH-9 is the 8th field after the name (MSH-1 is the separator itself).
  const typeField = msh.split(field)[8] ?? '';
  const type = typeField.split(component).slice(0, 2).join('^').toUpperCase();
  const orcs = lines
    .filter((line) => line.startsWith(`ORC${field}`))
    .map((line) => line.split(field));
  const obrs = lines.filter((line) => line.startsWith(`OBR${field}`));
  const pairs = Math.min(orcs.length, obrs.length);
  let actionablePairs = 0;
  for (const orc of orcs.slice(0, pairs)) {
    const control = first(orc[1]).toUpperCase();
    const started = first(orc[5]).toLowerCase() === 'examstarted';
    if (control === 'DC' || control === 'CA' || (control === 'XO' && !started)) {
      actionablePairs += 1;
    }
  }
  return { type, actionablePairs, pairs };
}

function ackTime(services: ApiServices): string {
  return siteNow(services.clock, services.config.timeZone).replace(/\D/g, '').slice(0, 14);
}

/**
 * Handles one HL7 message from `remoteAddress` and returns the ACK to send. Never throws.
 */
export async function handleHl7Message(
  services: ApiServices,
  message: string,
  remoteAddress: string,
  allowedHosts: readonly string[] = [],
): Promise<string> {
  const log = services.log.child({
    service: 'hl7',
    remoteAddress,
    controlId: hl7MessageControlId(message),
  });
  const ack = (code: Hl7AckCode, text?: string) =>
    buildHl7Ack({ message, code, now: ackTime(services), ...(text === undefined ? {} : { text }) });

  if (allowedHosts.length > 0 && !allowedHosts.includes(plainAddress(remoteAddress))) {
    log.warn('hl7 message from a sender not on HL7_ALLOWED_HOSTS refused');
    return ack('AR', 'Sender not allowed');
  }
  const outline = outlineOf(message);
  if (outline === null) {
    log.warn('not an HL7 message');
    return ack('AR', 'Not an HL7 message');
  }
  if (outline.type !== 'ORM^O01') {
    log.info({ type: outline.type }, 'hl7 message type not handled');
    return ack('AR', `Message type ${outline.type || '(none)'} not handled`);
  }
  if (outline.pairs === 0) {
    log.warn('ORM^O01 without ORC/OBR pairs');
    return ack('AE', 'No ORC/OBR segment pair');
  }
  const changes: RisBookingChange[] = parseHl7Orm(message);
  if (changes.length < outline.actionablePairs) {
    log.warn('hl7 order lacks accession number, location, procedure or start');
    return ack(
      'AE',
      'An ORC/OBR pair lacks accession number (ORC-20/OBR-20), location (OBR-21), procedure (OBR-4) or start (ORC-7)',
    );
  }
  // A run of the listener (metrics) is an order it handled: stored, or failed to store. A
  // message refused for its content is the sender's fault and neither.
  if (changes.length === 0) {
    log.info('hl7 order without booking changes');
    services.metrics.backgroundRun('hl7', true);
    return ack('AA');
  }
  try {
    const result = await applyBookingChanges(services, 'hl7', changes);
    log.info(result, 'hl7 bookings stored');
    services.metrics.backgroundRun('hl7', true);
    return ack('AA');
  } catch (error) {
    if (error instanceof BookingInputError) {
      log.warn({ reason: error.message }, 'hl7 order refused');
      return ack('AE', error.message);
    }
    services.metrics.backgroundRun('hl7', false);
    log.error({ err: error }, 'hl7 order not stored');
    return ack('AE', 'Could not store the order; send it again');
  }
}

/** Starts the listener; resolves once it listens. */
export async function startHl7Listener(
  services: ApiServices,
  options: Hl7ListenerOptions,
): Promise<Hl7Listener> {
  const allowedHosts = options.allowedHosts ?? [];
  const server = await startMllpServer({
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    encoding: HL7_ENCODING,
    log: services.log.child({ service: 'hl7' }),
    handle: (message, remoteAddress) =>
      handleHl7Message(services, message, remoteAddress, allowedHosts),
  });
  services.log.info(
    { port: server.port, allowList: allowedHosts.length > 0 },
    'hl7 listener listening',
  );
  return { name: 'hl7', port: server.port, stop: () => server.close() };
}

/** `HL7_ALLOWED_HOSTS`: IP addresses and host names (resolved once, at start). */
export async function resolveAllowedHosts(list: string | undefined): Promise<string[]> {
  const entries = (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const addresses = new Set<string>();
  for (const entry of entries) {
    if (isIP(entry) !== 0) {
      addresses.add(plainAddress(entry));
      continue;
    }
    for (const resolved of await lookup(entry, { all: true })) {
      addresses.add(plainAddress(resolved.address));
    }
  }
  return [...addresses];
}

function portOf(value: string | undefined): number {
  if (value === undefined || value.trim() === '') {
    return DEFAULT_HL7_PORT;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`HL7_PORT must be a TCP port, got ${JSON.stringify(value)}`);
  }
  return port;
}

/** Enabled by `HL7_ENABLED=1`; `HL7_PORT` (2575), `HL7_HOST`, `HL7_ALLOWED_HOSTS`. */
export const startHl7Service: BackgroundServiceStarter = async (services, env, force) => {
  if (!force && env.HL7_ENABLED !== '1') {
    return null;
  }
  return startHl7Listener(services, {
    port: portOf(env.HL7_PORT),
    ...(env.HL7_HOST === undefined || env.HL7_HOST === '' ? {} : { host: env.HL7_HOST }),
    allowedHosts: await resolveAllowedHosts(env.HL7_ALLOWED_HOSTS),
  });
};
