import { OrderStatus } from '@tracershop/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlertBox } from '../alerts/AlertBox';
import { renderWithI18n } from '../testing/renderWithI18n';
import { STATUS_COLOURS, StatusIcon } from './StatusIcon';

describe('StatusIcon', () => {
  it.each([
    [OrderStatus.Ordered, 'Bestilt'],
    [OrderStatus.Accepted, 'Accepteret'],
    [OrderStatus.Released, 'Frigivet'],
    [OrderStatus.Rejected, 'Afvist'],
  ])('names status %i "%s" and colours it', (status, name) => {
    renderWithI18n(<StatusIcon status={status} />);
    const icon = screen.getByRole('img', { name });
    expect(icon.querySelector('rect')?.getAttribute('fill')).toBe(STATUS_COLOURS[status]);
  });

  it('shows no icon for a new order and an arrow for a moved one', () => {
    renderWithI18n(
      <>
        <StatusIcon status={null} />
        <StatusIcon status={OrderStatus.Ordered} moved />
      </>,
    );
    expect(screen.getAllByRole('img').map((icon) => icon.getAttribute('aria-label'))).toEqual([
      'Rykket til tidligere levering',
    ]);
  });
});

describe('AlertBox', () => {
  it('titles the three levels in Danish', () => {
    renderWithI18n(
      <>
        <AlertBox level="hint">a</AlertBox>
        <AlertBox level="warning">b</AlertBox>
        <AlertBox level="error">c</AlertBox>
      </>,
    );
    expect(screen.getByRole('status').textContent).toBe('Hint: a');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Advarsel: b',
      'Fejl: c',
    ]);
  });
});
