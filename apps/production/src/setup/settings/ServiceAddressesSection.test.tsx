import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describedText, refusal } from '@tracershop/ui';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../testing/renderWithApi';
import type { AddressInForce, ServiceAddress } from './settingsApi';
import { ServiceAddressesView } from './ServiceAddressesSection';

const addresses: ServiceAddress[] = [
  {
    id: 1,
    kind: 'dicom',
    host: 'ris.example.dk',
    port: 104,
    aeTitle: 'RISWL',
    description: 'RIS worklist',
  },
  { id: 2, kind: 'hl7', host: '10.0.0.5', port: 2575, aeTitle: null, description: 'RIS HL7' },
  { id: 3, kind: 'ldap', host: 'dc.example.dk', port: 636, aeTitle: null, description: 'AD' },
];

const inForce: AddressInForce[] = [
  {
    kind: 'dicom',
    source: 'stored',
    variable: null,
    addressIds: [1],
    value: 'ris.example.dk:104 (RISWL)',
    missing: [],
  },
  {
    kind: 'hl7',
    source: 'environment',
    variable: 'HL7_ALLOWED_HOSTS',
    addressIds: [],
    value: '10.0.0.20',
    missing: [],
  },
  {
    kind: 'ldap',
    source: 'stored',
    variable: 'LDAP_URL',
    addressIds: [3],
    value: 'ldaps://dc.example.dk:636',
    missing: ['LDAP_SEARCH_BASE'],
  },
];

function fakeClient() {
  const answer = () =>
    vi.fn((input: Record<string, unknown>) => Promise.resolve({ id: 9, ...input }));
  return {
    setup: {
      serviceAddresses: {
        create: { mutate: answer() },
        edit: { mutate: answer() },
        delete: {
          mutate: vi.fn((input: { id: number }) =>
            input.id === 1 ? Promise.reject(refusal('RIS_ADDRESS_IN_USE')) : Promise.resolve(input),
          ),
        },
      },
    },
  };
}

function render(client = fakeClient()) {
  renderWithApi(<ServiceAddressesView addresses={addresses} inForce={inForce} />, client);
  return client;
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('button', { name: `Slet ${name}` }).closest('tr');
  if (row === null) {
    throw new Error(`no row ${name}`);
  }
  return row;
}

describe('ServiceAddressesView (Tjenesteadresser)', () => {
  it('shows per kind which address is in force, as the server says', () => {
    render();
    const inForceList = screen.getByRole('heading', { name: 'I brug nu' }).parentElement;
    expect(inForceList).not.toBeNull();
    const list = within(inForceList as HTMLElement);
    expect(
      list.getByText('RIS-adressen valgt i serverindstillingerne: ris.example.dk:104 (RISWL)'),
    ).toBeTruthy();
    expect(
      list.getByText(
        'Miljøvariablen HL7_ALLOWED_HOSTS er sat og gælder frem for de gemte adresser: 10.0.0.20',
      ),
    ).toBeTruthy();
    expect(
      list.getByText('Gemt adresse: ldaps://dc.example.dk:636 (LDAP_URL er ikke sat.)'),
    ).toBeTruthy();
    expect(
      list.getByText(
        'Serveren mangler miljøvariablen LDAP_SEARCH_BASE: adressen bruges ikke, før den er sat.',
      ),
    ).toBeTruthy();
    expect(within(rowOf('RIS worklist')).getByText('Ja')).toBeTruthy();
    expect(within(rowOf('RIS HL7')).getByText('Nej, HL7_ALLOWED_HOSTS gælder')).toBeTruthy();
    expect(within(rowOf('AD')).getByText('Ja')).toBeTruthy();
    // The AE title belongs to the DICOM worklist only.
    expect(screen.getByLabelText<HTMLInputElement>('AE-titel for RIS worklist').value).toBe(
      'RISWL',
    );
    expect(screen.queryByLabelText('AE-titel for AD')).toBeNull();
  });

  it('refuses a DICOM address without an AE title in words, then creates it', async () => {
    const client = render();
    expect(screen.queryByRole('button', { name: 'Opret adresse' })).toBeNull();
    await userEvent.type(screen.getByLabelText('Beskrivelse for ny adresse'), 'Ny RIS');
    await userEvent.type(screen.getByLabelText('Vært for ny adresse'), 'ris2.example.dk');
    await userEvent.type(screen.getByLabelText('Port for ny adresse'), '104');
    await userEvent.click(screen.getByRole('button', { name: 'Opret adresse' }));
    expect(describedText(screen.getByLabelText('AE-titel for ny adresse'))).toBe(
      'AE-titel skal være 1 til 16 tegn',
    );
    expect(client.setup.serviceAddresses.create.mutate).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('AE-titel for ny adresse'), 'RIS2{Enter}');
    await waitFor(() =>
      expect(client.setup.serviceAddresses.create.mutate).toHaveBeenCalledWith({
        kind: 'dicom',
        host: 'ris2.example.dk',
        port: 104,
        aeTitle: 'RIS2',
        description: 'Ny RIS',
      }),
    );
  });

  it('edits a row in place and saves with Enter', async () => {
    const client = render();
    const port = screen.getByLabelText('Port for AD');
    await userEvent.clear(port);
    await userEvent.type(port, '3269{Enter}');
    await waitFor(() =>
      expect(client.setup.serviceAddresses.edit.mutate).toHaveBeenCalledWith({
        id: 3,
        kind: 'ldap',
        host: 'dc.example.dk',
        port: 3269,
        aeTitle: null,
        description: 'AD',
      }),
    );
    // Another kind: a sender, without AE title.
    await userEvent.selectOptions(
      screen.getByLabelText('Slags for RIS HL7'),
      'DICOM-worklist (RIS)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Gem RIS HL7' }));
    expect(describedText(screen.getByLabelText('AE-titel for RIS HL7'))).toBe(
      'AE-titel skal være 1 til 16 tegn',
    );
    expect(client.setup.serviceAddresses.edit.mutate).toHaveBeenCalledTimes(1);
  });

  it('deletes after confirming, and says in words why the RIS address cannot go', async () => {
    const client = render();
    await userEvent.click(screen.getByRole('button', { name: 'Slet RIS worklist' }));
    const question = screen.getByRole('dialog', { name: 'Slet tjenesteadresse' });
    expect(within(question).getByText(/Vil du slette adressen RIS worklist\?/)).toBeTruthy();
    await userEvent.click(within(question).getByRole('button', { name: 'Bekræft' }));
    expect(
      await within(question).findByText(
        'Adressen er valgt som RIS-adresse i serverindstillingerne. Vælg en anden RIS-adresse (eller ingen) først.',
      ),
    ).toBeTruthy();
    await userEvent.click(within(question).getByRole('button', { name: 'Annuller' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Slet RIS HL7' }));
    // Escape keeps it.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.setup.serviceAddresses.delete.mutate).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Slet RIS HL7' }));
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(client.setup.serviceAddresses.delete.mutate).toHaveBeenLastCalledWith({ id: 2 }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
