/**
 * Printing a PDF on an IPP printer (IPP Everywhere, CUPS queues, most network printers):
 * one Print-Job with `document-format: application/pdf`, then Get-Job-Attributes until the
 * job is done or a bounded wait is over. The `ipp` package encodes and decodes the messages;
 * the HTTP exchange is ours so that every request has a time limit and every failure is an
 * error the caller can report (an unreachable printer, a refused job, an aborted job).
 */
import ipp from '@sealsystems/ipp';
import type { IppAttributeGroup, IppRequest, IppResponse, IppValue } from '@sealsystems/ipp';

/** The printer row's address fields. */
export interface IppPrinterAddress {
  name: string;
  host: string;
  port: number;
  /** `ipp://host:631/ipp/print` (or ipps, http, https); wins over host and port when set. */
  uri: string | null;
}

export interface PrintJobOptions {
  /** Shown in the printer's queue. */
  jobName: string;
  /** `requesting-user-name`: who printed. */
  userName: string;
  /** Limit of each HTTP exchange with the printer (default 10 s). */
  requestTimeoutMs?: number;
  /** How long to wait for the job to finish before reporting its current state (default 30 s). */
  completionTimeoutMs?: number;
  /** Between two Get-Job-Attributes (default 250 ms). */
  pollIntervalMs?: number;
}

/** RFC 8011 job states. */
export type IppJobState =
  | 'pending'
  | 'pending-held'
  | 'processing'
  | 'processing-stopped'
  | 'canceled'
  | 'aborted'
  | 'completed'
  | 'unknown';

export interface PrintJobOutcome {
  jobId: number;
  state: IppJobState;
  /** True when the printer reported the job completed within the wait. */
  completed: boolean;
}

export type PrintFailureKind = 'unreachable' | 'refused' | 'aborted';

/** A print that did not happen; `detail` is for logs and for the user's message. */
export class PrintFailure extends Error {
  constructor(
    readonly kind: PrintFailureKind,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: ${detail}`, options);
    this.name = 'PrintFailure';
  }
}

/** A printer of the legacy rows without a URI has the raw (JetDirect) port, not IPP's. */
const RAW_PRINTING_PORT = 9100;
const IPP_PORT = 631;

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const DEFAULT_COMPLETION_TIMEOUT_MS = 30_000;
const DEFAULT_POLL_INTERVAL_MS = 250;

const FINAL_STATES: ReadonlySet<IppJobState> = new Set(['completed', 'canceled', 'aborted']);
const JOB_STATES: ReadonlySet<string> = new Set([
  'pending',
  'pending-held',
  'processing',
  'processing-stopped',
  'canceled',
  'aborted',
  'completed',
]);
/** Numeric job states (enum values) as some printers' encodings leave them. */
const JOB_STATE_NUMBERS: Record<number, IppJobState> = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
};

/**
 * The printer's IPP URI: its `uri` (http(s) written as ipp(s)), otherwise
 * `ipp://host:port/ipp/print` — port 631 for a row that still has the raw-printing port 9100.
 */
export function printerUriOf(printer: IppPrinterAddress): string {
  if (printer.uri !== null && printer.uri.trim() !== '') {
    const url = new URL(printer.uri.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      const secure = url.protocol === 'https:';
      const port = url.port === '' ? (secure ? '443' : '80') : url.port;
      return `${secure ? 'ipps' : 'ipp'}://${url.hostname}:${port}${url.pathname}${url.search}`;
    }
    return url.toString();
  }
  const host = printer.host.includes(':') ? `[${printer.host}]` : printer.host;
  const port = printer.port === RAW_PRINTING_PORT ? IPP_PORT : printer.port;
  return `ipp://${host}:${port}/ipp/print`;
}

/** Where the requests go: the IPP URI over HTTP (ipps over HTTPS), port 631 by default. */
function httpUrlOf(printerUri: string): string {
  const url = new URL(printerUri);
  const secure = url.protocol === 'ipps:' || url.protocol === 'https:';
  const port = url.port === '' ? String(IPP_PORT) : url.port;
  return `${secure ? 'https' : 'http'}://${url.hostname}:${port}${url.pathname}${url.search}`;
}

function firstGroup(
  group: IppAttributeGroup | IppAttributeGroup[] | undefined,
): IppAttributeGroup | undefined {
  return Array.isArray(group) ? group[0] : group;
}

function textOf(value: IppValue | undefined): string | null {
  if (Array.isArray(value)) {
    return textOf(value[0]);
  }
  return typeof value === 'string' ? value : null;
}

function jobStateOf(value: IppValue | undefined): IppJobState {
  if (typeof value === 'number') {
    return JOB_STATE_NUMBERS[value] ?? 'unknown';
  }
  return typeof value === 'string' && JOB_STATES.has(value) ? (value as IppJobState) : 'unknown';
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code;
      return typeof code === 'string' ? code : cause.message;
    }
    return error.name === 'TimeoutError' || error.name === 'AbortError' ? 'timeout' : error.message;
  }
  return String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One IPP request and its response; every failure is a PrintFailure. */
async function exchange(
  printerUri: string,
  message: IppRequest,
  timeoutMs: number,
): Promise<IppResponse> {
  let body: Buffer;
  try {
    body = ipp.serialize(message);
  } catch (error) {
    throw new PrintFailure('refused', `could not encode the request: ${String(error)}`);
  }
  let response: Response;
  try {
    response = await fetch(httpUrlOf(printerUri), {
      method: 'POST',
      headers: { 'content-type': 'application/ipp' },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new PrintFailure('unreachable', describe(error), { cause: error });
  }
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new PrintFailure('unreachable', describe(error), { cause: error });
  }
  if (response.status !== 200) {
    throw new PrintFailure('refused', `HTTP ${response.status}`);
  }
  try {
    return ipp.parse(bytes);
  } catch (error) {
    throw new PrintFailure('refused', `not an IPP response: ${String(error)}`);
  }
}

function operationAttributes(printerUri: string, userName: string): IppAttributeGroup {
  return {
    'attributes-charset': 'utf-8',
    'attributes-natural-language': 'da',
    'printer-uri': printerUri,
    'requesting-user-name': userName.slice(0, 255) || 'tracershop',
  };
}

let lastRequestId = 0;

function nextRequestId(): number {
  lastRequestId = (lastRequestId % 0x7fff_fffe) + 1;
  return lastRequestId;
}

/**
 * Sends `pdf` to `printer` and waits (bounded) for the job to finish. Resolves with the job
 * id and its last known state; rejects with PrintFailure when the printer cannot be reached,
 * refuses the job, or reports it aborted or canceled.
 */
export async function printPdf(
  printer: IppPrinterAddress,
  pdf: Buffer,
  options: PrintJobOptions,
): Promise<PrintJobOutcome> {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const completionTimeoutMs = options.completionTimeoutMs ?? DEFAULT_COMPLETION_TIMEOUT_MS;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  let printerUri: string;
  try {
    printerUri = printerUriOf(printer);
  } catch (error) {
    throw new PrintFailure('unreachable', `invalid printer address: ${String(error)}`);
  }

  const created = await exchange(
    printerUri,
    {
      version: '2.0',
      operation: 'Print-Job',
      id: nextRequestId(),
      'operation-attributes-tag': {
        ...operationAttributes(printerUri, options.userName),
        'job-name': options.jobName.slice(0, 255),
        'document-format': 'application/pdf',
      },
      data: pdf,
    },
    requestTimeoutMs,
  );
  if (!created.statusCode.startsWith('successful')) {
    const message = textOf(firstGroup(created['operation-attributes-tag'])?.['status-message']);
    throw new PrintFailure(
      'refused',
      message === null ? created.statusCode : `${created.statusCode}: ${message}`,
    );
  }
  const job = firstGroup(created['job-attributes-tag']);
  const jobId = job?.['job-id'];
  if (typeof jobId !== 'number') {
    throw new PrintFailure('refused', 'the printer returned no job id');
  }
  let state = jobStateOf(job?.['job-state']);
  let reasons = textOf(job?.['job-state-reasons']);

  const deadline = Date.now() + completionTimeoutMs;
  while (!FINAL_STATES.has(state) && Date.now() < deadline) {
    await delay(Math.min(pollIntervalMs, Math.max(0, deadline - Date.now())));
    let answer: IppResponse;
    try {
      answer = await exchange(
        printerUri,
        {
          version: '2.0',
          operation: 'Get-Job-Attributes',
          id: nextRequestId(),
          'operation-attributes-tag': {
            ...operationAttributes(printerUri, options.userName),
            'job-id': jobId,
            'requested-attributes': ['job-state', 'job-state-reasons'],
          },
        },
        requestTimeoutMs,
      );
    } catch {
      // The job was accepted; a printer that stops answering now leaves its state unknown.
      break;
    }
    if (!answer.statusCode.startsWith('successful')) {
      break;
    }
    const attributes = firstGroup(answer['job-attributes-tag']);
    state = jobStateOf(attributes?.['job-state']);
    reasons = textOf(attributes?.['job-state-reasons']);
  }

  if (state === 'aborted' || state === 'canceled') {
    throw new PrintFailure('aborted', reasons === null ? state : `${state} (${reasons})`);
  }
  return { jobId, state, completed: state === 'completed' };
}
