/**
 * The HL7 listener (docs/operations.md, docs/domain.md): the RIS sends `ORM^O01`
 * orders over MLLP (port 2575, latin-1); each message's ORC/OBR pairs become booking changes
 * (core's `parseHl7Orm`), applied in one transaction. The ACK follows the outcome: `AA` only
 * after the commit, `AE` with the reason when the message could not be stored (nothing of it
 * is), `AR` for a message this listener does not handle or a sender not on the allow-list.
 * The allow-list is the one in force when the message arrives (addressesInForce.ts):
 * `HL7_ALLOWED_HOSTS`, else the hosts of the stored 'hl7' addresses, else every sender, so a
 * sender added or removed on the server settings page counts from the next message on.
 */
import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { buildHl7Ack, hl7MessageControlId, parseHl7Orm } from '@tracershop/core';
import type { Hl7AckCode } from '@tracershop/core';
import { hl7SendersInForce } from '../../addressesInForce';
import { siteNow } from '../../clock';
import type { ApiServices } from '../../services';
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
  /**
   * Sender IP addresses accepted, fixed (tests); empty accepts every sender. Absent: the
   * senders in force when each message arrives (HL7_ALLOWED_HOSTS of `env`, else the stored
   * 'hl7' addresses, else every sender).
   */
  allowedHosts?: readonly string[];
  /** The environment whose HL7_ALLOWED_HOSTS wins over the stored senders; default services.env. */
  env?: NodeJS.ProcessEnv;
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
    log.warn('hl7 message from a sender not on the allow-list refused');
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

/** An allow-list no sender is on. */
const NO_SENDER: readonly string[] = ['(none)'];

/**
 * The IP addresses of the senders in force now; empty accepts every sender. A host name that
 * cannot be looked up is left out (logged), so it cannot stand in for "every sender".
 */
async function sendersNow(
  services: ApiServices,
  env: NodeJS.ProcessEnv,
): Promise<readonly string[]> {
  const { hosts } = await hl7SendersInForce(services.db, env);
  if (hosts.length === 0) {
    return [];
  }
  const addresses = await resolveAllowedHosts(hosts.join(','), (host, error) =>
    services.log.warn({ service: 'hl7', host, err: error }, 'hl7 allowed sender not found'),
  );
  // Only names that could not be looked up: nobody is allowed rather than everybody.
  return addresses.length === 0 ? NO_SENDER : addresses;
}

/** The ACK of a message whose senders in force could not be read (the database): send again. */
async function handleWithSendersInForce(
  services: ApiServices,
  env: NodeJS.ProcessEnv,
  message: string,
  remoteAddress: string,
): Promise<string> {
  let allowed: readonly string[];
  try {
    allowed = await sendersNow(services, env);
  } catch (error) {
    services.log.error({ service: 'hl7', err: error }, 'hl7 allowed senders not read');
    return buildHl7Ack({
      message,
      code: 'AE',
      text: 'Could not check the sender; send it again',
      now: ackTime(services),
    });
  }
  return handleHl7Message(services, message, remoteAddress, allowed);
}

/** Starts the listener; resolves once it listens. */
export async function startHl7Listener(
  services: ApiServices,
  options: Hl7ListenerOptions,
): Promise<Hl7Listener> {
  const fixed = options.allowedHosts;
  const env = options.env ?? services.env;
  const server = await startMllpServer({
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    encoding: HL7_ENCODING,
    log: services.log.child({ service: 'hl7' }),
    handle: (message, remoteAddress) =>
      fixed === undefined
        ? handleWithSendersInForce(services, env, message, remoteAddress)
        : handleHl7Message(services, message, remoteAddress, fixed),
  });
  services.log.info(
    { port: server.port, allowList: fixed === undefined ? 'in force' : fixed.length > 0 },
    'hl7 listener listening',
  );
  return { name: 'hl7', port: server.port, stop: () => server.close() };
}

/**
 * `HL7_ALLOWED_HOSTS` or the stored senders: IP addresses and host names, looked up. A name
 * that cannot be looked up throws, or is passed to `notFound` and left out when that is given.
 */
export async function resolveAllowedHosts(
  list: string | undefined,
  notFound?: (host: string, error: unknown) => void,
): Promise<string[]> {
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
    let resolved: { address: string }[];
    try {
      resolved = await lookup(entry, { all: true });
    } catch (error) {
      if (notFound === undefined) {
        throw error;
      }
      notFound(entry, error);
      continue;
    }
    for (const { address } of resolved) {
      addresses.add(plainAddress(address));
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

/**
 * Enabled by `HL7_ENABLED=1`; `HL7_PORT` (2575), `HL7_HOST`. The senders are the ones in force
 * at each message; a HL7_ALLOWED_HOSTS name that cannot be looked up fails the start.
 */
export const startHl7Service: BackgroundServiceStarter = async (services, env, force) => {
  if (!force && env.HL7_ENABLED !== '1') {
    return null;
  }
  await resolveAllowedHosts(env.HL7_ALLOWED_HOSTS);
  return startHl7Listener(services, {
    port: portOf(env.HL7_PORT),
    ...(env.HL7_HOST === undefined || env.HL7_HOST === '' ? {} : { host: env.HL7_HOST }),
    env,
  });
};
