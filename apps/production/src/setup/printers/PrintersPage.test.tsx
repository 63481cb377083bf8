import { screen, waitFor, within } from '@testing-library/react';
import { describedText, refusal } from '@tracershop/ui';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../testing/renderWithApi';
import type { ServerSettings } from '../settings/settingsApi';
import type { Printer } from './printersApi';
import { PrintersView } from './PrintersPage';

const printers: Printer[] = [
  { id: 1, name: 'Etiket-1', host: '10.0.0.5', port: 631, uri: null, labelPrinter: true },
  { id: 2, name: 'Kontor', host: '10.0.0.6', port: 631, uri: null, labelPrinter: false },
  { id: 3, name: 'Reserve', host: '10.0.0.7', port: 9100, uri: null, labelPrinter: false },
];

const settings = {
  dateRangeDays: 64,
  adminPhone: '',
  adminEmail: '',
  activePrinterId: 2,
  activeLabelPrinterId: null,
} as ServerSettings;

function fakeClient() {
  const resolved = () => vi.fn((input: unknown) => Promise.resolve(input));
  return {
    setup: {
      printers: {
        create: { mutate: resolved() },
        edit: { mutate: resolved() },
        delete: { mutate: resolved() },
        choose: { mutate: resolved() },
      },
    },
    printing: {
      testPrint: {
        mutate: vi.fn(() =>
          Promise.resolve({
            printerId: 3,
            printerName: 'Reserve',
            jobId: 17,
            state: 'completed',
            completed: true,
          }),
        ),
      },
    },
  };
}

function render(client = fakeClient()) {
  renderWithApi(<PrintersView printers={printers} settings={settings} />, client);
  return client;
}

describe('PrintersView (Printer)', () => {
  it('[URS-INT-006] offers label printers as the active label printer and chooses at once', async () => {
    const client = render();
    const labelSelect = screen.getByLabelText<HTMLSelectElement>('Aktiv etiketprinter');
    expect(labelSelect.value).toBe('');
    expect(
      within(labelSelect)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Ingen valgt', 'Etiket-1']);
    expect(screen.getByLabelText<HTMLSelectElement>('Følgeseddelprinter').value).toBe('2');
    await userEvent.selectOptions(labelSelect, 'Etiket-1');
    expect(client.setup.printers.choose.mutate).toHaveBeenCalledWith({ activeLabelPrinterId: 1 });
    await userEvent.selectOptions(screen.getByLabelText('Følgeseddelprinter'), 'Ingen valgt');
    expect(client.setup.printers.choose.mutate).toHaveBeenLastCalledWith({ activePrinterId: null });
  });

  it('[URS-INT-005] sends a test print for the printer and shows the result', async () => {
    const client = render();
    await userEvent.click(screen.getByRole('button', { name: 'Testudskrift på Reserve' }));
    expect(client.printing.testPrint.mutate).toHaveBeenCalledWith({ printerId: 3 });
    expect(
      await screen.findByText('Testudskriften er udskrevet på Reserve (job 17).'),
    ).toBeTruthy();
  });

  it('[URS-INT-005] is busy while the test print runs, and shows why it failed', async () => {
    const client = fakeClient();
    let fail: (error: Error) => void = () => undefined;
    client.printing.testPrint.mutate = vi.fn(
      () =>
        new Promise((_resolve, reject) => {
          fail = reject;
        }),
    );
    render(client);
    await userEvent.click(screen.getByRole('button', { name: 'Testudskrift på Kontor' }));
    const button = screen.getByRole<HTMLButtonElement>('button', {
      name: 'Testudskrift på Kontor',
    });
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Udskriver…');
    fail(refusal('PRINTER_UNREACHABLE', { printer: 'Kontor' }));
    expect(await screen.findByText(/Printeren Kontor svarer ikke/)).toBeTruthy();
    await waitFor(() => expect(button.disabled).toBe(false));
  });

  it('[URS-INT-006] does not delete an active printer; deletes another after confirming', async () => {
    const client = render();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Slet Kontor' }).disabled).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Slet Reserve' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    await waitFor(() =>
      expect(client.setup.printers.delete.mutate).toHaveBeenCalledWith({ id: 3 }),
    );
  });

  it('[URS-INT-006] adds a printer from the blank row once name, address and port are filled', async () => {
    const client = render();
    expect(screen.queryByRole('button', { name: 'Opret printer' })).toBeNull();
    await userEvent.type(screen.getByLabelText('Navn for ny printer'), 'Lab-2');
    await userEvent.type(screen.getByLabelText('IP-adresse for ny printer'), '10.0.0.9');
    await userEvent.type(screen.getByLabelText('Port for ny printer'), '631');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Etiketprinter for ny printer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Opret printer' }));
    expect(client.setup.printers.create.mutate).toHaveBeenCalledWith({
      name: 'Lab-2',
      host: '10.0.0.9',
      port: 631,
      labelPrinter: true,
    });
  });

  it('[URS-INT-006][URS-DAT-007] refuses a taken name, a bad name and a dynamic port', async () => {
    const client = render();
    await userEvent.type(screen.getByLabelText('Navn for ny printer'), 'kontor');
    await userEvent.type(screen.getByLabelText('IP-adresse for ny printer'), '10.0.0.9');
    await userEvent.type(screen.getByLabelText('Port for ny printer'), '50000');
    await userEvent.click(screen.getByRole('button', { name: 'Opret printer' }));
    expect(describedText(screen.getByLabelText('Navn for ny printer'))).toBe(
      'Der findes allerede en printer med det navn',
    );
    expect(describedText(screen.getByLabelText('Port for ny printer'))).toBe(
      'Port må ikke være en dynamisk port',
    );
    await userEvent.clear(screen.getByLabelText('Navn for ny printer'));
    await userEvent.type(screen.getByLabelText('Navn for ny printer'), 'Lab 2!');
    await userEvent.click(screen.getByRole('button', { name: 'Opret printer' }));
    expect(describedText(screen.getByLabelText('Navn for ny printer'))).toBe(
      'Navn må kun indeholde bogstaver, tal og bindestreg',
    );
    expect(client.setup.printers.create.mutate).not.toHaveBeenCalled();
  });
});
