import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiConnection } from '../api/apiClient';
import { ApiProvider } from '../api/ApiProvider';
import { ApiTestProvider, fakeApiClient } from '../testing/fakeApi';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { ClientErrorReport } from './ErrorBoundary';
import { CLIENT_ERROR_LIMITS, ErrorBoundary, clientErrorReportOf } from './ErrorBoundary';

function Crash(): never {
  throw new Error('boom');
}

/** An api whose only procedure is `clientErrors.report`. */
function reportingApi(mutate: (input: ClientErrorReport) => Promise<unknown>) {
  return { clientErrors: { report: { mutate } } };
}

describe('ErrorBoundary', () => {
  beforeEach(() => {
    // React logs every caught error; the test checks the page instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('[URS-DAT-008] reports the crash through the provider’s api client and shows the Danish page', async () => {
    const mutate = vi.fn().mockResolvedValue({ logged: true });
    const reload = vi.fn();
    renderWithI18n(
      <ApiTestProvider procedures={reportingApi(mutate)}>
        <ErrorBoundary appVersion="1.2.3" reload={reload}>
          <Crash />
        </ErrorBoundary>
      </ApiTestProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Der skete en fejl');
    expect(screen.getByText('boom')).toBeTruthy();
    await waitFor(() => expect(mutate).toHaveBeenCalledTimes(1));
    const report = mutate.mock.calls[0]?.[0] as ClientErrorReport;
    expect(report.message).toBe('Error: boom');
    expect(report.appVersion).toBe('1.2.3');
    expect(report.stack).toContain('Component stack:');
    expect(report.stack).toContain('Crash');
    await userEvent.click(screen.getByRole('button', { name: 'Genindlæs' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('[URS-DAT-008] still shows the page when the report fails', async () => {
    const mutate = vi.fn().mockRejectedValue(new Error('offline'));
    renderWithI18n(
      <ApiTestProvider procedures={reportingApi(mutate)}>
        <ErrorBoundary>
          <Crash />
        </ErrorBoundary>
      </ApiTestProvider>,
    );
    await waitFor(() => expect(mutate).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Der skete en fejl');
  });

  it('[URS-DAT-008] uses the given report function and tells onError', () => {
    const report = vi.fn().mockResolvedValue(undefined);
    const onError = vi.fn();
    renderWithI18n(
      <ErrorBoundary report={report} onError={onError}>
        <Crash />
      </ErrorBoundary>,
    );
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ message: 'Error: boom' }));
    expect(onError).toHaveBeenCalledWith(expect.any(Error), expect.anything());
  });

  it('[URS-DAT-008] posts the report itself outside an api provider', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response('{}'));
    vi.stubGlobal('fetch', fetchMock);
    renderWithI18n(
      <ErrorBoundary>
        <Crash />
      </ErrorBoundary>,
    );
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`${globalThis.location.origin}/trpc/clientErrors.report`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toMatchObject({ message: 'Error: boom' });
  });

  it('[URS-DAT-008] speaks English', () => {
    renderWithI18n(
      <ErrorBoundary report={() => Promise.resolve()}>
        <Crash />
      </ErrorBoundary>,
      { language: 'en' },
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Something went wrong');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});

describe('ApiProvider', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('[URS-DAT-008] catches a crash of the app and reports it with the app version', async () => {
    const mutate = vi.fn().mockResolvedValue({ logged: true });
    const connect = (): ApiConnection => ({
      client: fakeApiClient(reportingApi(mutate)),
      close: () => Promise.resolve(),
    });
    renderWithI18n(
      <ApiProvider version="9.9.9" connect={connect}>
        <Crash />
      </ApiProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Der skete en fejl' })).toBeTruthy();
    await waitFor(() => expect(mutate).toHaveBeenCalledTimes(1));
    expect(mutate).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Error: boom', appVersion: '9.9.9' }),
    );
  });
});

describe('clientErrorReportOf', () => {
  it('[URS-DAT-008] keeps within the api’s limits', () => {
    const error = new Error('x'.repeat(5000));
    error.stack = 'y'.repeat(30_000);
    const report = clientErrorReportOf(
      error,
      { componentStack: '\n    at Crash' },
      'v'.repeat(100),
    );
    expect(report.message).toHaveLength(CLIENT_ERROR_LIMITS.message);
    expect(report.stack).toHaveLength(CLIENT_ERROR_LIMITS.stack);
    expect(report.appVersion).toHaveLength(CLIENT_ERROR_LIMITS.appVersion);
  });
});
