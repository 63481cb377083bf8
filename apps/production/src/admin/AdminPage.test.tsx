import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import AdminPage from './AdminPage';
import { renderWithApi } from './renderWithApi';

const EMPTY_PAGE = { rows: [], total: 0, page: 1, pageSize: 50 };

function renderAdmin(path: string) {
  renderWithApi(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/admin/*" element={<AdminPage />} />
      </Routes>
    </MemoryRouter>,
    {
      admin: {
        auditTrail: { query: vi.fn(() => Promise.resolve(EMPTY_PAGE)) },
        loginEvents: { query: vi.fn(() => Promise.resolve(EMPTY_PAGE)) },
      },
      setup: {
        users: { list: { query: () => Promise.resolve({ users: [], assignments: [] }) } },
      },
    },
  );
}

describe('AdminPage', () => {
  it('opens the audit trail first and moves between the admin pages', async () => {
    renderAdmin('/admin');
    expect(await screen.findByRole('heading', { name: 'Revisionsspor' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Login-hændelser' });
    expect(link.getAttribute('href')).toBe('/admin/login-events');
    await userEvent.click(link);
    expect(await screen.findByRole('heading', { name: 'Login-hændelser' })).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: 'Revisionsspor' }));
    expect(await screen.findByRole('heading', { name: 'Revisionsspor' })).toBeTruthy();
  });
});
