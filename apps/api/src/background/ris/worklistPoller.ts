/**
 * The DICOM Modality Worklist poller (docs/operations.md, docs/domain.md): every
 * few minutes a C-FIND to the RIS (the ServiceAddress of ServerSettings.risAddressId, read
 * again for every poll, so a RIS address chosen or edited on the server settings page is used
 * from the next poll on) for the scheduled procedure steps of today and the next days; each
 * step becomes a booking through the same upsert rules as HL7, then the polled dates are synchronised in full: a stored
 * booking of those dates the RIS no longer lists is removed, unless already ordered. A failed
 * poll changes nothing (it never wipes bookings) and is retried the next round.
 */
import { createRequire } from 'node:module';
import { addDays } from '@tracershop/core';
import type { ServiceAddress } from '@tracershop/db';
import type * as Dimse from 'dcmjs-dimse';
import { risAddressInForce } from '../../addressesInForce';
import { siteToday } from '../../clock';
import type { ApiServices } from '../../services';
import type { BackgroundService, BackgroundServiceStarter } from '../backgroundService';
import type { BookingApplyResult, RisBookingUpsert } from './bookingUpsert';
import { applyBookingChanges } from './bookingUpsert';

// dcmjs-dimse is a UMD bundle: Node's ESM loader sees no named exports in it.
const dimse = createRequire(import.meta.url)('dcmjs-dimse') as typeof Dimse;
// Its own console logger: failures reach our log through the query's outcome instead.
dimse.log.setLevel('silent');

export const DEFAULT_WORKLIST_AE_TITLE = 'TRACERSHOP';
export const DEFAULT_WORKLIST_POLL_MINUTES = 15;
export const DEFAULT_WORKLIST_DAYS = 7;
const DEFAULT_TIMEOUT_MS = 30_000;
const PENDING_WARNING = 0xff01;

export interface WorklistPollOptions {
  /** Our AE title (calling AE). */
  callingAeTitle?: string;
  /** Poll today and this many following days. */
  days?: number;
  /** Only steps scheduled for this station AE title (empty: every station). */
  stationAeTitle?: string;
  /** Connection and association timeouts, milliseconds. */
  timeoutMs?: number;
}

export interface WorklistPollResult extends BookingApplyResult {
  dates: string[];
  /** Scheduled procedure steps received. */
  steps: number;
  /** Steps left out: no accession number, room, study or start, or outside the polled dates. */
  skipped: number;
}

/** A worklist query the RIS could not answer. */
export class WorklistQueryError extends Error {}

/** The configured RIS: a 'dicom' ServiceAddress with an AE title, or null. */
export function risAddressOf(services: ApiServices): Promise<ServiceAddress | null> {
  return risAddressInForce(services.db);
}

/** A value of a naturalized dataset as text (first value of a multi-valued element). */
function textOf(value: unknown): string {
  if (Array.isArray(value)) {
    return textOf(value[0]);
  }
  if (typeof value === 'string') {
    return value.trim();
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return '';
}

function itemsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter(
        (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
      )
    : [];
}

/** DA `YYYYMMDD` → `'YYYY-MM-DD'`. */
function dateOf(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.replaceAll('.', ''));
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** TM `HH[MM[SS[.F]]]` (or `HH:MM:SS`) → `'HH:MM:SS'`. */
function timeOf(value: string): string | null {
  const match = /^(\d{2})(\d{2})?(\d{2})?(?:\.\d+)?$/.exec(value.replaceAll(':', ''));
  if (!match) {
    return null;
  }
  const [hours = '00', minutes = '00', seconds = '00'] = match.slice(1).map((part) => part ?? '00');
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return null;
  }
  return `${hours}:${minutes}:${seconds}`;
}

/** The bookings of one worklist answer (one per scheduled procedure step). */
export function bookingsOfWorklistItem(item: Record<string, unknown>): (RisBookingUpsert | null)[] {
  const requestedCode = itemsOf(item.RequestedProcedureCodeSequence)[0];
  return itemsOf(item.ScheduledProcedureStepSequence).map((step) => {
    const protocolCode = itemsOf(step.ScheduledProtocolCodeSequence)[0];
    const accessionNumber = textOf(item.AccessionNumber) || textOf(step.ScheduledProcedureStepID);
    const locationCode = textOf(step.ScheduledProcedureStepLocation);
    const code = textOf(requestedCode?.CodeValue) || textOf(protocolCode?.CodeValue);
    const procedureDescription =
      textOf(step.ScheduledProcedureStepDescription) ||
      textOf(item.RequestedProcedureDescription) ||
      textOf(requestedCode?.CodeMeaning);
    const startDate = dateOf(textOf(step.ScheduledProcedureStepStartDate));
    const startTime = timeOf(textOf(step.ScheduledProcedureStepStartTime));
    if (
      accessionNumber === '' ||
      locationCode === '' ||
      (code === '' && procedureDescription === '') ||
      startDate === null ||
      startTime === null
    ) {
      return null;
    }
    return {
      kind: 'upsert',
      accessionNumber,
      locationCode,
      procedureCode: code === '' ? null : code,
      procedureDescription,
      startDate,
      startTime,
    };
  });
}

/** Runs one Modality Worklist C-FIND; resolves the matches, rejects on any failure. */
function findWorklist(
  address: ServiceAddress,
  callingAeTitle: string,
  dates: string[],
  stationAeTitle: string,
  timeoutMs: number,
): Promise<Record<string, unknown>[]> {
  const { Client, requests, constants } = dimse;
  const compact = (date: string) => date.replaceAll('-', '');
  const request = requests.CFindRequest.createWorklistFindRequest({
    AccessionNumber: '',
    RequestedProcedureDescription: '',
    RequestedProcedureCodeSequence: [
      { CodeValue: '', CodingSchemeDesignator: '', CodeMeaning: '' },
    ],
    ScheduledProcedureStepSequence: [
      {
        ScheduledStationAETitle: stationAeTitle,
        ScheduledProcedureStepStartDate: `${compact(dates[0] ?? '')}-${compact(dates.at(-1) ?? '')}`,
        ScheduledProcedureStepStartTime: '',
        Modality: '',
        ScheduledProcedureStepDescription: '',
        ScheduledProtocolCodeSequence: [],
        ScheduledProcedureStepLocation: '',
        ScheduledProcedureStepID: '',
      },
    ],
  });
  return new Promise((resolve, reject) => {
    const matches: Record<string, unknown>[] = [];
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (error === null) {
        resolve(matches);
      } else {
        reject(error);
      }
    };
    const client = new Client();
    const timer = setTimeout(() => {
      client.abort();
      finish(new WorklistQueryError('worklist query timed out'));
    }, timeoutMs * 2);
    request.on('response', (response: Dimse.responses.CFindResponse) => {
      const status = response.getStatus();
      // 0xFF00, or 0xFF01 when the RIS does not support some optional key.
      if (status === constants.Status.Pending || status === PENDING_WARNING) {
        const dataset: Dimse.Dataset | undefined = response.getDataset();
        if (dataset !== undefined) {
          matches.push(dataset.getElements());
        }
      } else if (status === constants.Status.Success) {
        finish(null);
      } else {
        finish(new WorklistQueryError(`worklist query failed, status 0x${status.toString(16)}`));
      }
    });
    client.on('associationRejected', () =>
      finish(new WorklistQueryError('the RIS rejected the association (AE titles?)')),
    );
    client.on('networkError', (error: Error) =>
      finish(new WorklistQueryError(`RIS unreachable: ${error.message}`)),
    );
    client.on('closed', () => finish(new WorklistQueryError('the RIS closed without answering')));
    client.addRequest(request);
    client.send(address.host, address.port, callingAeTitle, address.aeTitle ?? '', {
      connectTimeout: timeoutMs,
      associationTimeout: timeoutMs,
      pduTimeout: timeoutMs,
    });
  });
}

/**
 * One poll: query the RIS for today and the next `days` days and synchronise those dates.
 * Throws (and changes nothing) when the RIS is not configured or does not answer.
 */
export async function pollWorklistOnce(
  services: ApiServices,
  options: WorklistPollOptions = {},
): Promise<WorklistPollResult> {
  const address = await risAddressOf(services);
  if (address === null) {
    throw new WorklistQueryError('no RIS address configured (ServerSettings.risAddressId)');
  }
  const today = siteToday(services.clock, services.config.timeZone);
  const days = options.days ?? DEFAULT_WORKLIST_DAYS;
  const dates = Array.from({ length: days + 1 }, (_, index) => addDays(today, index));
  const items = await findWorklist(
    address,
    options.callingAeTitle ?? DEFAULT_WORKLIST_AE_TITLE,
    dates,
    options.stationAeTitle ?? '',
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  const polled = new Set(dates);
  const steps = items.flatMap(bookingsOfWorklistItem);
  const changes = steps.filter(
    (step): step is RisBookingUpsert => step !== null && polled.has(step.startDate),
  );
  const result = await applyBookingChanges(services, 'worklist', changes, { dates });
  return { ...result, dates, steps: steps.length, skipped: steps.length - changes.length };
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/**
 * Polls at once and then every `minutes`; a failed poll is logged and retried next round.
 */
export function startWorklistSchedule(
  services: ApiServices,
  minutes: number,
  options: WorklistPollOptions,
): BackgroundService {
  const log = services.log.child({ service: 'worklist' });
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const poll = async () => {
    try {
      const result = await pollWorklistOnce(services, options);
      services.metrics.backgroundRun('worklist', true);
      log.info(result, 'worklist polled');
    } catch (error) {
      services.metrics.backgroundRun('worklist', false);
      log.error({ err: error }, 'worklist poll failed; bookings unchanged, retried next round');
    }
  };
  const next = () => {
    if (stopped) {
      return;
    }
    timer = setTimeout(
      () => {
        running = poll().then(next);
      },
      Math.max(minutes, 1) * 60_000,
    );
    timer.unref();
  };
  running = poll().then(next);
  return {
    name: 'worklist',
    async stop() {
      stopped = true;
      if (timer !== null) {
        clearTimeout(timer);
      }
      await running;
    },
  };
}

/**
 * Enabled by `WORKLIST_ENABLED=1`; `WORKLIST_POLL_MINUTES` (15), `WORKLIST_DAYS` (7),
 * `WORKLIST_AE_TITLE` (TRACERSHOP), `WORKLIST_STATION_AE_TITLE`, `WORKLIST_TIMEOUT_SECONDS`
 * (30). Started also while no RIS address is chosen: each poll fails (logged, counted) until
 * one is, and the first poll after that uses it, without a restart.
 */
export const startWorklistService: BackgroundServiceStarter = async (services, env, force) => {
  if (!force && env.WORKLIST_ENABLED !== '1') {
    return null;
  }
  if ((await risAddressOf(services)) === null) {
    services.log.warn(
      { service: 'worklist' },
      'worklist enabled but no RIS DICOM address is chosen (server settings): polls fail until one is',
    );
  }
  return startWorklistSchedule(
    services,
    wholeNumber('WORKLIST_POLL_MINUTES', env.WORKLIST_POLL_MINUTES, DEFAULT_WORKLIST_POLL_MINUTES),
    {
      callingAeTitle: env.WORKLIST_AE_TITLE || DEFAULT_WORKLIST_AE_TITLE,
      days: wholeNumber('WORKLIST_DAYS', env.WORKLIST_DAYS, DEFAULT_WORKLIST_DAYS),
      stationAeTitle: env.WORKLIST_STATION_AE_TITLE ?? '',
      timeoutMs: wholeNumber('WORKLIST_TIMEOUT_SECONDS', env.WORKLIST_TIMEOUT_SECONDS, 30) * 1000,
    },
  );
};
