import { DeadlineType } from '@tracershop/core';
import type { DeadlineRule } from '@tracershop/core';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { DeadlineBanner, countdownText } from './DeadlineBanner';

const DAILY_13: DeadlineRule = { deadlineType: DeadlineType.Daily, deadlineTime: '13:00:00' };
const THURSDAY_13: DeadlineRule = {
  deadlineType: DeadlineType.Weekly,
  deadlineTime: '13:00:00',
  weekday: 3,
};

function banner(): string {
  return screen.getByRole('timer').textContent ?? '';
}

describe('DeadlineBanner', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('[URS-DLN-006] counts down when the deadline is today', () => {
    renderWithI18n(
      <DeadlineBanner
        name="aktivitetsordrer"
        deadline={DAILY_13}
        orderDate="2026-11-24"
        now="2026-11-23 10:58:30"
      />,
    );
    expect(banner()).toBe('Deadline for aktivitetsordrer udløber om 02:01:30');
  });

  it('[URS-DLN-006] names time and date when the deadline falls on another day', () => {
    renderWithI18n(
      <DeadlineBanner
        name="injektionsordrer"
        deadline={THURSDAY_13}
        orderDate="2018-03-21"
        now="2018-03-12 09:00:00"
      />,
    );
    expect(banner()).toBe('Deadline for injektionsordrer udløber 15/03/2018 kl. 13:00');
  });

  it('[URS-DLN-006] says when it has expired', () => {
    renderWithI18n(
      <DeadlineBanner
        name="aktivitetsordrer"
        deadline={DAILY_13}
        orderDate="2026-11-24"
        now="2026-11-23 13:00:01"
      />,
    );
    expect(banner()).toBe('Deadline for aktivitetsordrer er udløbet');
  });

  it('[URS-DLN-006] takes the deadline as the api computed it', () => {
    renderWithI18n(
      <DeadlineBanner
        name="aktivitetsordrer"
        deadlineAt="2026-11-23 13:00:00"
        now="2026-11-23 12:59:59"
      />,
    );
    expect(banner()).toBe('Deadline for aktivitetsordrer udløber om 00:00:01');
  });

  it('[URS-DLN-006][URS-DAT-009] counts real seconds across the autumn clock change', () => {
    // 25 October 2026 has 25 hours in Copenhagen.
    renderWithI18n(
      <DeadlineBanner
        name="aktivitetsordrer"
        deadline={DAILY_13}
        orderDate="2026-10-26"
        now="2026-10-25 01:00:00"
      />,
    );
    expect(banner()).toBe('Deadline for aktivitetsordrer udløber om 13:00:00');
  });

  it('[URS-DLN-006] shows nothing without a deadline', () => {
    renderWithI18n(
      <>
        <DeadlineBanner name="a" deadline={null} orderDate="2026-11-24" now="2026-11-23 10:00:00" />
        <DeadlineBanner name="b" deadlineAt={null} now="2026-11-23 10:00:00" />
      </>,
    );
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('[URS-DLN-006] ticks every second on the site clock when not given one', () => {
    vi.useFakeTimers();
    // 10:59:58 in Copenhagen (UTC+1 in November).
    vi.setSystemTime(new Date('2026-11-23T09:59:58Z'));
    renderWithI18n(
      <DeadlineBanner
        name="aktivitetsordrer"
        deadline={DAILY_13}
        orderDate="2026-11-24"
        timeZone="Europe/Copenhagen"
      />,
    );
    expect(banner()).toBe('Deadline for aktivitetsordrer udløber om 02:00:02');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(banner()).toBe('Deadline for aktivitetsordrer udløber om 02:00:01');
    act(() => {
      vi.advanceTimersByTime(2 * 3600 * 1000 + 2000);
    });
    expect(banner()).toBe('Deadline for aktivitetsordrer er udløbet');
  });

  it('[URS-DLN-006][URS-PRF-011] speaks English', () => {
    renderWithI18n(
      <DeadlineBanner
        name="activity orders"
        deadline={DAILY_13}
        orderDate="2026-11-24"
        now="2026-11-23 13:00:01"
      />,
      { language: 'en' },
    );
    expect(banner()).toBe('The deadline for activity orders has expired');
  });
});

describe('countdownText', () => {
  it('[URS-DLN-006] is HH:MM:SS of whole seconds', () => {
    expect(countdownText(7290.9)).toBe('02:01:30');
    expect(countdownText(0)).toBe('00:00:00');
    expect(countdownText(25 * 3600)).toBe('25:00:00');
  });
});
