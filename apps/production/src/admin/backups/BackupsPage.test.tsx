import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../renderWithApi';
import BackupsPage from './BackupsPage';

const FAILED = {
  id: 3,
  scheduledFor: '2026-12-02T01:30:00.000Z',
  startedAt: '2026-12-02T01:30:00.000Z',
  finishedAt: '2026-12-02T01:30:00.200Z',
  result: 'failed',
  file: '/srv/backups/tracershop-backup-20261202T013000Z.tar.gz',
  bytes: null,
  durationMs: 200,
  rowCounts: null,
  auditEvents: null,
  auditHeadHash: null,
  error: 'The backup folder /srv/backups does not exist or is not a folder',
  fileDeletedAt: null,
};

const SUCCEEDED = {
  ...FAILED,
  id: 2,
  scheduledFor: '2026-12-01T01:30:00.000Z',
  startedAt: '2026-12-01T01:30:00.000Z',
  finishedAt: '2026-12-01T01:32:05.000Z',
  result: 'succeeded',
  file: '/srv/backups/tracershop-backup-20261201T013000Z.tar.gz',
  bytes: 45_900_000,
  durationMs: 125_000,
  rowCounts: { record: { audit_events: 541 }, web: { users: 6 } },
  auditEvents: 541,
  auditHeadHash: 'a'.repeat(64),
  error: null,
};

const DELETED = {
  ...SUCCEEDED,
  id: 1,
  startedAt: '2026-11-30T01:30:00.000Z',
  file: '/srv/backups/tracershop-backup-20261130T013000Z.tar.gz',
  bytes: 4_300,
  durationMs: 4_321,
  fileDeletedAt: '2026-12-01T01:32:05.000Z',
};

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('BackupsPage', () => {
  it('[URS-BAK-008] lists the runs with time, result, file, size and duration, and alerts the last failure', async () => {
    const backupRuns = vi.fn(() =>
      Promise.resolve({
        runs: [FAILED, SUCCEEDED, DELETED],
        lastFailed: true,
        lastFailure: FAILED,
      }),
    );
    renderWithApi(<BackupsPage />, { admin: { backupRuns: { query: backupRuns } } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Fejl: Den seneste sikkerhedskopi mislykkedes 02/12/2026 02:30:00: ' +
        'The backup folder /srv/backups does not exist or is not a folder',
    );
    expect(rowsOf(screen.getByRole('table', { name: 'Planlagte sikkerhedskopier' }))).toEqual([
      [
        '02/12/2026 02:30:00',
        'Mislykkedes',
        '–',
        '–',
        '0,2 s',
        'The backup folder /srv/backups does not exist or is not a folder',
      ],
      [
        '01/12/2026 02:30:00',
        'Lykkedes',
        'tracershop-backup-20261201T013000Z.tar.gz',
        '45,9 MB',
        '2 min 5 s',
        '',
      ],
      [
        '30/11/2026 02:30:00',
        'Lykkedes',
        'tracershop-backup-20261130T013000Z.tar.gz (slettet)',
        '4,3 kB',
        '4,3 s',
        '',
      ],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Opdater' }));
    expect(backupRuns).toHaveBeenCalledTimes(2);
  });

  it('[URS-BAK-008] says when no backup has run, without an alert', async () => {
    renderWithApi(<BackupsPage />, {
      admin: {
        backupRuns: {
          query: () => Promise.resolve({ runs: [], lastFailed: false, lastFailure: null }),
        },
      },
    });
    expect(
      await screen.findByText(/Der er endnu ikke taget nogen planlagt sikkerhedskopi/),
    ).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
