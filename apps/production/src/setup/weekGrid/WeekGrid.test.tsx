import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../testing/renderWithI18n';
import { WeekGrid } from './WeekGrid';

describe('WeekGrid', () => {
  it('[URS-PRD-014] places entries at weekday and hour, tints them and reports clicks', async () => {
    const onSelect = vi.fn();
    renderWithI18n(
      <WeekGrid
        caption="Uge"
        entries={[
          { id: 1, weekday: 0, time: '08:15:00', tone: 'everyWeek', description: 'Alle uger' },
          { id: 2, weekday: 4, time: '16:30:00', tone: 'oddWeeks' },
        ]}
        selectedId={2}
        onSelect={onSelect}
      />,
    );
    const rows = screen.getAllByRole('row');
    // Header, 06:00 … 16:00 (widened to the late entry).
    expect(rows).toHaveLength(12);
    const monday = screen.getByRole('button', { name: 'Mandag 08:15 Alle uger' });
    expect(monday.className).toContain('everyWeek');
    const friday = screen.getByRole('button', { name: 'Fredag 16:30' });
    expect(friday.getAttribute('aria-pressed')).toBe('true');
    expect(friday.className).toContain('selected');
    await userEvent.click(monday);
    expect(onSelect).toHaveBeenCalledWith(1);
  });
});
