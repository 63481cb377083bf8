import { OrderStatus } from '@tracershop/core';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { DayColours } from './calendarColours';
import { DAY_COLOURS, dayColourOf } from './calendarColours';
import { MonthCalendar } from './MonthCalendar';

function dayButton(date: string): HTMLElement {
  const button = document.querySelector<HTMLElement>(`[data-date="${date}"]`);
  if (button === null) {
    throw new Error(`no day ${date}`);
  }
  return button;
}

describe('MonthCalendar', () => {
  it('shows Danish weekday names Monday first and the Danish month', () => {
    renderWithI18n(<MonthCalendar activeDate="2026-11-23" onSelectDate={() => undefined} />);
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Man', 'Tir', 'Ons', 'Tor', 'Fre', 'Lør', 'Søn']);
    expect(screen.getByRole('heading').textContent).toBe('November 2026');
  });

  it('shows whole weeks from the Monday before the 1st', () => {
    renderWithI18n(<MonthCalendar activeDate="2026-11-23" onSelectDate={() => undefined} />);
    const rows = screen.getAllByRole('row').slice(1);
    // 1 November 2026 is a Sunday: the first week starts Monday 26 October.
    expect(within(rows[0]!).getAllByRole('button')[0]!.dataset.date).toBe('2026-10-26');
    expect(rows.at(-1)!.querySelectorAll('button')[6]!.dataset.date).toBe('2026-12-06');
  });

  it('[URS-DLN-007] paints fill and ring with the calendar colours', () => {
    const colours: Record<string, DayColours> = {
      '2026-11-24': { fill: 'ordered', ring: 'available' },
      '2026-11-25': { fill: 'accepted', ring: 'released' },
      '2026-11-26': { fill: 'unavailable', ring: 'unavailable' },
    };
    renderWithI18n(
      <MonthCalendar
        activeDate="2026-11-23"
        onSelectDate={() => undefined}
        coloursOf={(date) => colours[date] ?? { fill: 'available', ring: 'available' }}
      />,
    );
    expect(dayButton('2026-11-24').style.backgroundColor).toBe(DAY_COLOURS.ordered);
    expect(dayButton('2026-11-25').style.backgroundColor).toBe(DAY_COLOURS.accepted);
    expect(dayButton('2026-11-25').style.boxShadow).toContain(DAY_COLOURS.released);
    expect(dayButton('2026-11-26').style.backgroundColor).toBe(DAY_COLOURS.unavailable);
    expect(dayButton('2026-11-24').getAttribute('aria-label')).toBe(
      '24 (24/11/2026): aktivitet bestilt, injektioner kan bestilles',
    );
  });

  it('selects a clicked day and the 1st of the next and previous month', async () => {
    const onSelectDate = vi.fn();
    renderWithI18n(<MonthCalendar activeDate="2026-11-23" onSelectDate={onSelectDate} />);
    await userEvent.click(dayButton('2026-11-27'));
    await userEvent.click(screen.getByRole('button', { name: 'Næste' }));
    await userEvent.click(screen.getByRole('button', { name: 'Forrige' }));
    expect(onSelectDate.mock.calls).toEqual([['2026-11-27'], ['2026-12-01'], ['2026-10-01']]);
  });

  it('marks the active day as pressed', () => {
    renderWithI18n(<MonthCalendar activeDate="2026-11-23" onSelectDate={() => undefined} />);
    expect(dayButton('2026-11-23').getAttribute('aria-pressed')).toBe('true');
    expect(dayButton('2026-11-24').getAttribute('aria-pressed')).toBe('false');
  });
});

describe('dayColourOf', () => {
  const { Ordered, Accepted, Released, Rejected } = OrderStatus;

  it('[URS-DLN-007] is the least progressed status of the day', () => {
    expect(dayColourOf({ statuses: [Released, Ordered], orderable: true, closed: false })).toBe(
      'ordered',
    );
    expect(dayColourOf({ statuses: [Released, Accepted], orderable: false, closed: false })).toBe(
      'accepted',
    );
    expect(dayColourOf({ statuses: [Released], orderable: false, closed: false })).toBe('released');
    expect(dayColourOf({ statuses: [Rejected], orderable: true, closed: false })).toBe('rejected');
    expect(dayColourOf({ statuses: [Rejected, Ordered], orderable: true, closed: false })).toBe(
      'ordered',
    );
  });

  it('[URS-DLN-007] is light grey when orderable, dark grey when not, and dark grey on closed days', () => {
    expect(dayColourOf({ statuses: [], orderable: true, closed: false })).toBe('available');
    expect(dayColourOf({ statuses: [], orderable: false, closed: false })).toBe('unavailable');
    expect(dayColourOf({ statuses: [Ordered], orderable: true, closed: true })).toBe('unavailable');
  });
});
