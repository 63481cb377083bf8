import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { productionDay } from '../testing/fixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import { RunTotals } from './RunTotals';

describe('RunTotals', () => {
  it('[URS-PRD-002] shows each run with its floored totals', () => {
    renderWithI18n(
      <RunTotals
        day={productionDay([], {
          runs: [
            {
              productionId: 100,
              productionTime: '07:00:00',
              orderedActivity: 1234.9,
              withOverhead: 1543.6,
            },
            {
              productionId: 101,
              productionTime: '11:30:00',
              orderedActivity: 500,
              withOverhead: 625.2,
            },
          ],
        })}
      />,
    );
    expect(screen.getByRole('list', { name: 'Kørsler' }).textContent).toBe(
      'Kørsel 07:00: 1\u00a0234\u00a0MBq / Overhead: 1\u00a0543\u00a0MBqKørsel 11:30: 500\u00a0MBq / Overhead: 625\u00a0MBq',
    );
  });

  it('names the weekdays a tracer is produced on, on other days', () => {
    renderWithI18n(
      <RunTotals day={productionDay([], { weekday: 3, runs: [], productionWeekdays: [2, 0] })} />,
    );
    expect(screen.getByText('FDG bliver kun produceret: Mandag, Onsdag')).toBeTruthy();
  });
});
