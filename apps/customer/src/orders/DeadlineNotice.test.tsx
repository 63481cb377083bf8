import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { DeadlineNotice } from './DeadlineNotice';

function renderNotice(deadline: string | null, now: string) {
  renderWithI18n(
    <DeadlineNotice kind="activity" deadline={deadline} now={now} timeZone="Europe/Copenhagen" />,
  );
}

describe('DeadlineNotice', () => {
  it('[URS-DLN-006] counts down when the deadline is today', () => {
    renderNotice('2026-11-23 13:00:00', '2026-11-23 10:58:30');
    expect(screen.getByRole('timer').textContent).toBe(
      'Deadline for aktivitetsordrer udløber om 02:01:30',
    );
  });

  it('[URS-DLN-006] names the date and time when the deadline is on another day', () => {
    renderNotice('2026-11-24 13:00:00', '2026-11-23 10:58:30');
    expect(screen.getByRole('timer').textContent).toBe(
      'Deadline for aktivitetsordrer udløber 24/11/2026 kl. 13:00',
    );
  });

  it('[URS-DLN-006] says when it has expired', () => {
    renderNotice('2026-11-23 13:00:00', '2026-11-23 13:00:01');
    expect(screen.getByRole('timer').textContent).toBe('Deadline for aktivitetsordrer er udløbet');
  });

  it('[URS-DLN-006][URS-DAT-009] counts real seconds across the autumn clock change', () => {
    // 25 October 2026 has 25 hours in Copenhagen.
    renderNotice('2026-10-25 13:00:00', '2026-10-25 01:00:00');
    expect(screen.getByRole('timer').textContent).toBe(
      'Deadline for aktivitetsordrer udløber om 13:00:00',
    );
  });

  it('[URS-DLN-006] shows nothing without a deadline', () => {
    renderNotice(null, '2026-11-23 10:00:00');
    expect(screen.queryByRole('timer')).toBeNull();
  });
});
