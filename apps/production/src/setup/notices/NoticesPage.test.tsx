import { refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { customer } from '../testing/catalogRows';
import { renderWithApi } from '../testing/renderWithApi';
import { NoticesView } from './NoticesPage';
import type { NoticeRow } from './noticesApi';

const customers = [customer(5, 'RH'), customer(6, 'Herlev'), customer(7, 'Odense')];
const TODAY = '2026-12-06';

function notice(id: number, message: string, changes: Partial<NoticeRow> = {}): NoticeRow {
  return { id, message, expiresOn: null, customerIds: [5, 6, 7], ...changes };
}

function fakeClient() {
  return {
    setup: {
      notices: {
        list: { query: vi.fn(() => Promise.resolve([])) },
        create: {
          mutate: vi.fn((input: Omit<NoticeRow, 'id'>) =>
            Promise.resolve(notice(9, input.message)),
          ),
        },
        edit: { mutate: vi.fn((input: NoticeRow) => Promise.resolve(input)) },
        delete: { mutate: vi.fn((input: { id: number }) => Promise.resolve(input)) },
      },
    },
  };
}

function renderView(notices: NoticeRow[], client = fakeClient()) {
  renderWithApi(<NoticesView notices={notices} customers={customers} today={TODAY} />, client);
  return client;
}

const form = (name = 'Ny besked') => screen.getByRole('form', { name });

describe('NoticesView (Beskeder)', () => {
  it('[URS-ORD-020] lists each notice with its customers, last day and state', () => {
    renderView([
      notice(1, 'Lukket juleaften', { expiresOn: '2026-12-24' }),
      notice(2, 'Ny kalibrering af doseringen', { customerIds: [6] }),
      notice(3, 'Cyklotronen er til service', { expiresOn: '2026-12-05', customerIds: [5, 7] }),
    ]);
    const table = screen.getByRole('table', { name: 'Beskeder' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 4)
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Lukket juleaften', 'Alle kunder', '24/12/2026', 'Aktuel'],
      ['Ny kalibrering af doseringen', 'Herlev', 'Til den slettes', 'Aktuel'],
      ['Cyklotronen er til service', 'RH, Odense', '05/12/2026', 'Udløbet'],
    ]);
    expect(
      within(table).getByRole('button', { name: 'Ret beskeden »Lukket juleaften«' }),
    ).toBeTruthy();
  });

  it('[URS-ORD-020] says so when there are no notices', () => {
    renderView([]);
    expect(screen.getByText('Der er ingen beskeder.')).toBeTruthy();
  });

  it('[URS-ORD-020] writes a notice to every customer, until a last day', async () => {
    const client = renderView([]);
    await userEvent.type(within(form()).getByLabelText('Besked'), '  Lukket juleaften  ');
    expect(within(form()).getByLabelText<HTMLInputElement>('Alle kunder').checked).toBe(true);
    await userEvent.type(within(form()).getByLabelText('Sidste dag'), '24122026');
    await userEvent.click(within(form()).getByRole('button', { name: 'Opret besked' }));
    await waitFor(() =>
      expect(client.setup.notices.create.mutate).toHaveBeenCalledWith({
        message: 'Lukket juleaften',
        expiresOn: '2026-12-24',
        customerIds: [5, 6, 7],
      }),
    );
    expect(await screen.findByText('Beskeden er gemt.')).toBeTruthy();
    // The form is empty again for the next notice.
    expect(within(form()).getByLabelText<HTMLTextAreaElement>('Besked').value).toBe('');
  });

  it('[URS-ORD-020] writes a notice to a chosen customer, without a last day', async () => {
    const client = renderView([]);
    await userEvent.type(within(form()).getByLabelText('Besked'), 'Ny kalibrering');
    await userEvent.click(within(form()).getByLabelText('Udvalgte kunder'));
    await userEvent.click(within(form()).getByLabelText('Herlev'));
    await userEvent.click(within(form()).getByRole('button', { name: 'Opret besked' }));
    await waitFor(() =>
      expect(client.setup.notices.create.mutate).toHaveBeenCalledWith({
        message: 'Ny kalibrering',
        expiresOn: null,
        customerIds: [6],
      }),
    );
  });

  it('[URS-ORD-020] refuses an empty message, no customer and a wrong day without calling the api', async () => {
    const client = renderView([]);
    await userEvent.type(within(form()).getByLabelText('Besked'), '   ');
    await userEvent.click(within(form()).getByLabelText('Udvalgte kunder'));
    await userEvent.type(within(form()).getByLabelText('Sidste dag'), '31022027');
    await userEvent.click(within(form()).getByRole('button', { name: 'Opret besked' }));
    expect(within(form()).getByText('Besked er ikke tastet ind')).toBeTruthy();
    expect(within(form()).getByText('Vælg mindst én kunde')).toBeTruthy();
    expect(within(form()).getByLabelText('Besked').getAttribute('aria-invalid')).toBe('true');
    expect(within(form()).getByLabelText('Sidste dag').getAttribute('aria-invalid')).toBe('true');
    expect(client.setup.notices.create.mutate).not.toHaveBeenCalled();
  });

  it('[URS-ORD-020] edits a notice: its text, customers and last day', async () => {
    const client = renderView([notice(1, 'Lukket juleaften', { expiresOn: '2026-12-24' })]);
    await userEvent.click(screen.getByRole('button', { name: 'Ret beskeden »Lukket juleaften«' }));
    const editForm = form('Ret besked');
    const message = within(editForm).getByLabelText<HTMLTextAreaElement>('Besked');
    expect(document.activeElement).toBe(message);
    expect(message.value).toBe('Lukket juleaften');
    expect(within(editForm).getByLabelText<HTMLInputElement>('Sidste dag').value).toBe(
      '24/12/2026',
    );
    await userEvent.type(message, ' og nytårsaften');
    await userEvent.click(within(editForm).getByLabelText('Udvalgte kunder'));
    await userEvent.click(within(editForm).getByLabelText('Odense'));
    await userEvent.clear(within(editForm).getByLabelText('Sidste dag'));
    await userEvent.click(within(editForm).getByRole('button', { name: 'Gem ændringer' }));
    await waitFor(() =>
      expect(client.setup.notices.edit.mutate).toHaveBeenCalledWith({
        id: 1,
        message: 'Lukket juleaften og nytårsaften',
        expiresOn: null,
        customerIds: [5, 6],
      }),
    );
    expect(await screen.findByRole('form', { name: 'Ny besked' })).toBeTruthy();
  });

  it('[URS-ORD-020] deletes a notice behind a confirmation', async () => {
    const client = renderView([notice(1, 'Lukket juleaften')]);
    await userEvent.click(screen.getByRole('button', { name: 'Slet beskeden »Lukket juleaften«' }));
    const dialog = screen.getByRole('dialog', { name: 'Slet beskeden?' });
    expect(dialog.textContent).toContain('»Lukket juleaften« forsvinder fra shoppen');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuller' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.setup.notices.delete.mutate).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Slet beskeden »Lukket juleaften«' }));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Slet beskeden?' })).getByRole('button', {
        name: 'Slet',
      }),
    );
    await waitFor(() => expect(client.setup.notices.delete.mutate).toHaveBeenCalledWith({ id: 1 }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('[URS-ORD-020] tells an api refusal in words', async () => {
    const client = fakeClient();
    client.setup.notices.create.mutate.mockImplementation(() => {
      throw refusal('NOT_FOUND', { entity: 'Customer' });
    });
    renderView([], client);
    await userEvent.type(within(form()).getByLabelText('Besked'), 'Lukket juleaften');
    await userEvent.click(within(form()).getByRole('button', { name: 'Opret besked' }));
    const alert = await within(form()).findByRole('alert');
    expect(alert.textContent).toBe('Fejl: Kunden findes ikke.');
  });
});
