/**
 * Catches a crash of the app, reports it to the server and shows "Der skete en fejl" with
 * the technical details and a reload button (docs/domain.md). The report goes through the api
 * client of the surrounding `ApiProvider` (`clientErrors.report`; `ApiProvider` puts one of
 * these around its children); outside a provider it is posted to the same procedure
 * directly. Reporting never fails the page: a report that cannot be sent is dropped.
 */
import type { ContextType, ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import { Translation } from 'react-i18next';
import { ApiContext } from '../api/apiContext';

/** What `clientErrors.report` accepts (the api's limits). */
export interface ClientErrorReport {
  message: string;
  stack?: string;
  url?: string;
  appVersion?: string;
}

export const CLIENT_ERROR_LIMITS = { message: 2000, stack: 20_000, url: 2000, appVersion: 64 };

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Sent along with the report. */
  appVersion?: string;
  /** Sends the report; default the provider's api client, else a plain POST. */
  report?: (report: ClientErrorReport) => Promise<unknown>;
  /** Called as well (an app's own logging). */
  onError?: (error: Error, info: ErrorInfo) => void;
  /** Default reloads the page. */
  reload?: () => void;
}

interface ErrorBoundaryState {
  error: Error | null;
}

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** The report of `error`, cut to the api's limits. */
export function clientErrorReportOf(
  error: Error,
  info: Pick<ErrorInfo, 'componentStack'> | null,
  appVersion?: string,
): ClientErrorReport {
  const message = error.message === '' ? error.name : `${error.name}: ${error.message}`;
  const stacks = [error.stack, info?.componentStack ? `Component stack:${info.componentStack}` : '']
    .filter((part): part is string => part !== undefined && part !== '')
    .join('\n\n');
  const report: ClientErrorReport = { message: cut(message, CLIENT_ERROR_LIMITS.message) };
  if (stacks !== '') {
    report.stack = cut(stacks, CLIENT_ERROR_LIMITS.stack);
  }
  const url = globalThis.location?.href;
  if (url !== undefined && url !== '') {
    report.url = cut(url, CLIENT_ERROR_LIMITS.url);
  }
  if (appVersion !== undefined) {
    report.appVersion = cut(appVersion, CLIENT_ERROR_LIMITS.appVersion);
  }
  return report;
}

/** Without a client: one un-batched tRPC call over HTTP. */
async function postReport(report: ClientErrorReport): Promise<void> {
  const origin = globalThis.location?.origin;
  if (origin === undefined || !origin.startsWith('http')) {
    return;
  }
  await fetch(`${origin}/trpc/clientErrors.report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(report),
    credentials: 'same-origin',
  });
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  static override contextType = ApiContext;
  declare context: ContextType<typeof ApiContext>;

  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
    const report = clientErrorReportOf(error, info, this.props.appVersion);
    const client = this.context?.client;
    const send =
      this.props.report ??
      (client === undefined
        ? postReport
        : (input: ClientErrorReport) => client.clientErrors.report.mutate(input));
    try {
      void send(report).catch(() => undefined);
    } catch {
      // A report that cannot even be started is dropped; the page is what matters now.
    }
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) {
      return this.props.children;
    }
    const reload = this.props.reload ?? (() => globalThis.location.reload());
    return (
      <Translation>
        {(t) => (
          <main className="ts-page ts-system-page">
            <h1>{t('error.title')}</h1>
            <p>{t('error.unknownText')}</p>
            <button type="button" className="ts-button" onClick={reload}>
              {t('error.reload')}
            </button>
            <details>
              <summary>{t('error.technical')}</summary>
              <pre>{error.message}</pre>
              {error.stack === undefined ? null : (
                <pre>{error.stack.split('\n').slice(0, 8).join('\n')}</pre>
              )}
            </details>
          </main>
        )}
      </Translation>
    );
  }
}
