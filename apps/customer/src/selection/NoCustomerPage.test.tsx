import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { NoCustomerPage } from './NoCustomerPage';

describe('NoCustomerPage (Ingen kunde)', () => {
  it('tells a hospital user to ask their local super user', () => {
    renderWithI18n(<NoCustomerPage external={false} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Ingen kunde' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Hint: Du er logget ind, men din konto er ikke knyttet til en kunde. Du skal kontakte din lokale Tracershop-superbruger for at få din konto knyttet til en kunde.',
    );
  });

  it('tells an external user to ask the radiochemistry', () => {
    renderWithI18n(<NoCustomerPage external />);
    const hint = screen.getByRole('status');
    expect(hint.textContent).toBe(
      'Hint: Du er logget ind, men din konto er ikke knyttet til en kunde. Du skal kontakte kemien for at få din konto knyttet til en kunde.',
    );
  });
});
