import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { PUNCTUALITY_COLOURS, PunctualityChart, slicePath } from './PunctualityChart';

const rowValues = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()).join(' | '),
    );

describe('PunctualityChart', () => {
  it('[URS-PRD-013] draws one coloured slice per category with orders, titled with the legacy hover texts', () => {
    const { container } = renderWithI18n(
      <PunctualityChart
        counts={{ total: 8, onTime: 4, late30: 2, lateMore: 0, notReleased: 2 }}
        caption="FDG – November 2026"
      />,
    );
    expect(screen.getByRole('img', { name: 'Frigivelser: FDG – November 2026' })).toBeTruthy();
    const slices = [...container.querySelectorAll('svg [data-slice]')];
    expect(slices.map((slice) => slice.getAttribute('data-slice'))).toEqual([
      'onTime',
      'late30',
      'notReleased',
    ]);
    expect(slices.map((slice) => slice.getAttribute('fill'))).toEqual([
      PUNCTUALITY_COLOURS.onTime,
      PUNCTUALITY_COLOURS.late30,
      PUNCTUALITY_COLOURS.notReleased,
    ]);
    expect(slices.map((slice) => slice.querySelector('title')?.textContent)).toEqual([
      'Ordrer behandlet til tiden: 4',
      'Ordrer forsinket mindre end 30 minutter: 2',
      'Ej frigivet: 2',
    ]);
    // Half the circle for "on time": from 12 o'clock round to 6 o'clock.
    expect(slices[0]?.getAttribute('d')).toBe(slicePath(0, 0.5));
    expect(slicePath(0, 0.5)).toBe('M 100 100 L 100.000 10.000 A 90 90 0 0 1 100.000 190.000 Z');
    expect(slicePath(0, 0.75)).toContain(' 0 1 1 ');
  });

  it('[URS-PRD-013] lists the counts and shares in an accessible table, and the legend with the legacy words', () => {
    renderWithI18n(
      <PunctualityChart
        counts={{ total: 8, onTime: 4, late30: 2, lateMore: 0, notReleased: 2 }}
        caption="FDG – November 2026"
      />,
    );
    expect(screen.getByRole('table', { name: 'Antal ordrer: FDG – November 2026' })).toBeTruthy();
    expect(rowValues()).toEqual([
      'Ordrer i alt | 8 | 100 %',
      'Ordrer behandlet til tiden | 4 | 50 %',
      'Ordrer forsinket mindre end 30 minutter | 2 | 25 %',
      'Ordrer forsinket mere end 30 minutter | 0 | 0 %',
      'Ej frigivet | 2 | 25 %',
    ]);
    for (const word of [
      'Frigivet til tiden',
      'Forsinket max 30 min',
      'Forsinket mere end 30 min',
    ]) {
      expect(screen.getByText(word)).toBeTruthy();
    }
  });

  it('[URS-PRD-013] draws a whole circle for a single category and an empty ring for no orders', () => {
    const { container, rerender } = renderWithI18n(
      <PunctualityChart
        counts={{ total: 3, onTime: 0, late30: 0, lateMore: 3, notReleased: 0 }}
        caption="Special – Marts 2026"
      />,
    );
    const only = container.querySelectorAll('svg [data-slice]');
    expect(only).toHaveLength(1);
    expect(only[0]?.tagName.toLowerCase()).toBe('circle');
    expect(only[0]?.getAttribute('fill')).toBe(PUNCTUALITY_COLOURS.lateMore);

    rerender(
      <PunctualityChart
        counts={{ total: 0, onTime: 0, late30: 0, lateMore: 0, notReleased: 0 }}
        caption="Special – Marts 2026"
      />,
    );
    expect(container.querySelector('svg [data-slice="empty"]')).not.toBeNull();
    expect(screen.getByText('Ingen accepterede eller frigivne ordrer i denne måned.')).toBeTruthy();
    expect(rowValues()[0]).toBe('Ordrer i alt | 0 | ');
  });
});
