import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { MonthCalendar } from './MonthCalendar';

function openPicker() {
  return userEvent.click(screen.getByRole('button', { name: 'Vælg måned: November 2026' }));
}

describe('MonthCalendar’s month picker', () => {
  it('opens from the title with the year and Jan…Dec in Danish, four a row', async () => {
    renderWithI18n(<MonthCalendar activeDate="2026-11-23" onSelectDate={() => undefined} />);
    const toggle = screen.getByRole('button', { name: 'Vælg måned: November 2026' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await openPicker();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const picker = screen.getByRole('group', { name: 'Vælg måned' });
    expect(within(picker).getByText('2026')).toBeTruthy();
    const rows = picker.querySelectorAll('tr');
    expect([...rows].map((row) => row.textContent)).toEqual([
      'JanFebMarApr',
      'MajJunJulAug',
      'SepOktNovDec',
    ]);
    expect(screen.queryByRole('grid')).toBeNull();
    // The shown month is marked and has the focus.
    const november = screen.getByRole('button', { name: 'November 2026' });
    expect(november.getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(november);
  });

  it('jumps to the 1st of the chosen month and closes', async () => {
    const onSelectDate = vi.fn();
    renderWithI18n(<MonthCalendar activeDate="2026-11-23" onSelectDate={onSelectDate} />);
    await openPicker();
    await userEvent.click(screen.getByRole('button', { name: 'Marts 2026' }));
    expect(onSelectDate).toHaveBeenCalledWith('2026-03-01');
    expect(screen.queryByRole('group', { name: 'Vælg måned' })).toBeNull();
    expect(screen.getByRole('grid')).toBeTruthy();
  });

  it('changes the year with the arrows', async () => {
    const onSelectDate = vi.fn();
    renderWithI18n(<MonthCalendar activeDate="2026-11-23" onSelectDate={onSelectDate} />);
    await openPicker();
    await userEvent.click(screen.getByRole('button', { name: 'Næste år' }));
    await userEvent.click(screen.getByRole('button', { name: 'Januar 2027' }));
    await openPicker();
    await userEvent.click(screen.getByRole('button', { name: 'Forrige år' }));
    await userEvent.click(screen.getByRole('button', { name: 'Forrige år' }));
    expect(screen.getByRole('button', { name: 'November 2024' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await userEvent.click(screen.getByRole('button', { name: 'December 2024' }));
    expect(onSelectDate.mock.calls).toEqual([['2027-01-01'], ['2024-12-01']]);
  });

  it('works from the keyboard and closes with Escape', async () => {
    const onSelectDate = vi.fn();
    renderWithI18n(<MonthCalendar activeDate="2026-11-23" onSelectDate={onSelectDate} />);
    screen.getByRole('button', { name: 'Vælg måned: November 2026' }).focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Vælg måned' })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Vælg måned: November 2026' }),
    );
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(onSelectDate).toHaveBeenCalledWith('2026-12-01');
  });

  it('speaks English abbreviations in English', async () => {
    renderWithI18n(<MonthCalendar activeDate="2026-05-02" onSelectDate={() => undefined} />, {
      language: 'en',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Choose month: May 2026' }));
    expect(screen.getByRole('button', { name: 'May 2026' }).textContent).toBe('May');
    expect(screen.getByRole('button', { name: 'October 2026' }).textContent).toBe('Oct');
  });
});
