import { ApiTestProvider, refusal } from '@tracershop/ui';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { RescanCounts, VialRow } from './vialsApi';
import VialsPage from './VialsPage';

function vialRow(fields: Partial<VialRow> & { id: number }): VialRow {
  return {
    tracerId: 1,
    customerId: 5,
    lotNumber: `FDG-261123-${fields.id}`,
    fillDate: '2026-11-23',
    fillTime: '07:10:00',
    activity: 9000,
    volume: 12.5,
    assignedToId: null,
    ...fields,
  };
}

const VIALS = [
  vialRow({ id: 1, lotNumber: 'FDG-261120-1', fillDate: '2026-11-20' }),
  vialRow({ id: 2, lotNumber: 'FDG-261123-1', customerId: 6 }),
  vialRow({ id: 3, lotNumber: 'NAF-261123-1', customerId: 99 }),
];

interface FakeOptions {
  /** The list, by the window's centre date; a first page of 2 then the rest. */
  vials?: VialRow[];
  rescan?: () => Promise<RescanCounts>;
  print?: () => Promise<unknown>;
  /** `vials.edit`; by default the vial with the edit applied. */
  edit?: (input: { id: number; customerId?: number | null; reason?: string }) => Promise<VialRow>;
  /** `vials.delete`; by default `{ id }`. */
  remove?: (input: { id: number }) => Promise<{ id: number }>;
  /** The logged-in user's group; by default a production user (3). */
  userGroup?: number;
}

function renderPage(options: FakeOptions = {}, path = '/vials?date=2026-11-23') {
  const all = options.vials ?? VIALS;
  const list = vi.fn((input: { limit: number; offset: number }) => {
    const offset = input.offset;
    const size = offset === 0 ? 2 : input.limit;
    const page = all.slice(offset, offset + size);
    const next = offset + page.length;
    return Promise.resolve({
      vials: page,
      total: all.length,
      nextOffset: next < all.length ? next : null,
    });
  });
  const rescan = vi.fn(
    options.rescan ?? (() => Promise.resolve({ files: 2, created: 5, duplicates: 1, rejected: 0 })),
  );
  const vialLabel = vi.fn(options.print ?? (() => Promise.resolve({ jobId: 1 })));
  const edit = vi.fn(
    options.edit ??
      ((input: { id: number; customerId?: number | null }) => {
        const vial = all.find((row) => row.id === input.id);
        return vial === undefined
          ? Promise.reject(refusal('NOT_FOUND', { entity: 'Vial' }))
          : Promise.resolve({ ...vial, customerId: input.customerId ?? vial.customerId });
      }),
  );
  const remove = vi.fn(options.remove ?? ((input: { id: number }) => Promise.resolve(input)));
  const client = {
    auth: {
      whoami: {
        query: () =>
          Promise.resolve({
            user: {
              id: 4,
              username: 'prod-user',
              displayName: '',
              userGroup: options.userGroup ?? 3,
            },
            timeZone: 'Europe/Copenhagen',
          }),
      },
    },
    setup: {
      catalog: {
        query: () =>
          Promise.resolve({
            customers: [
              { id: 5, shortName: 'RH' },
              { id: 6, shortName: 'Herlev' },
            ],
          }),
      },
    },
    vials: {
      list: { query: list },
      rescan: { mutate: rescan },
      edit: { mutate: edit },
      delete: { mutate: remove },
    },
    printing: { vialLabel: { mutate: vialLabel } },
  };
  renderWithI18n(
    <ApiTestProvider procedures={client}>
      <MemoryRouter initialEntries={[path]}>
        <VialsPage />
      </MemoryRouter>
    </ApiTestProvider>,
  );
  return { list, rescan, vialLabel, edit, remove };
}

const shownIds = () =>
  [
    ...screen.getByRole('table', { name: 'Hætteglas' }).querySelectorAll('tbody tr[data-vial-id]'),
  ].map((row) => Number((row as HTMLElement).dataset.vialId));

async function loaded() {
  await waitFor(() => expect(shownIds()).toHaveLength(3));
}

describe('VialsPage', () => {
  it('[URS-VIA-007] loads every page of the vials around the date, newest first, owners by name', async () => {
    const { list } = renderPage();
    await loaded();
    expect(list).toHaveBeenCalledWith({
      from: '2026-09-20',
      to: '2027-01-26',
      limit: 1000,
      offset: 0,
    });
    expect(list).toHaveBeenCalledWith({
      from: '2026-09-20',
      to: '2027-01-26',
      limit: 1000,
      offset: 2,
    });
    expect(shownIds()).toEqual([3, 2, 1]);
    await waitFor(() => expect(within(screen.getByRole('table')).getByText('Herlev')).toBeTruthy());
    const unknown = screen.getByRole('table').querySelector('tr[data-vial-id="3"]') as HTMLElement;
    expect(within(unknown).getByText('Ukendt ejer')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Dato' })).toHaveProperty('value', '23/11/2026');
  });

  it('[URS-VIA-007] filters by a lot pattern and turns an invalid pattern red without failing', async () => {
    renderPage();
    await loaded();
    const lot = screen.getByRole('textbox', { name: 'Filtrér på lotnummer' });
    await userEvent.type(lot, 'fdg-2611');
    expect(shownIds()).toEqual([2, 1]);
    await userEvent.clear(lot);
    await userEvent.type(lot, '^NAF|1120');
    expect(shownIds()).toEqual([3, 1]);
    await userEvent.clear(lot);
    await userEvent.type(lot, 'FDG-(');
    expect(lot.getAttribute('aria-invalid')).toBe('true');
    expect(lot.className).toContain('ts-input--invalid');
    expect(
      screen.getAllByText('Filtrér på lotnummer er ikke et gyldigt søgemønster').length,
    ).toBeGreaterThan(0);
    expect(shownIds()).toEqual([3, 2, 1]);
  });

  it('[URS-VIA-007] filters by customer, and shows all again for the empty choice', async () => {
    renderPage();
    await loaded();
    const select = screen.getByRole('combobox', { name: 'Filtrér på kunde' });
    await waitFor(() =>
      expect(within(select).getByRole('option', { name: 'Herlev' })).toBeTruthy(),
    );
    await userEvent.selectOptions(select, 'Herlev');
    expect(shownIds()).toEqual([2]);
    await userEvent.selectOptions(select, 'Alle kunder');
    expect(shownIds()).toEqual([3, 2, 1]);
  });

  it('[URS-VIA-007] moves to a searched date and loads the vials around it; a bad date changes nothing', async () => {
    const { list } = renderPage();
    await loaded();
    const dateField = screen.getByRole('textbox', { name: 'Dato' });
    await userEvent.clear(dateField);
    await userEvent.type(dateField, '21019/11/04');
    await userEvent.click(screen.getByRole('button', { name: 'Søg' }));
    expect(dateField.getAttribute('aria-invalid')).toBe('true');
    const calls = list.mock.calls.length;
    expect(list.mock.calls.every(([input]) => 'from' in input && input.from === '2026-09-20')).toBe(
      true,
    );

    await userEvent.clear(dateField);
    await userEvent.type(dateField, '04/11/2019{Enter}');
    await waitFor(() =>
      expect(list).toHaveBeenCalledWith({
        from: '2019-09-01',
        to: '2020-01-07',
        limit: 1000,
        offset: 0,
      }),
    );
    expect(list.mock.calls.length).toBeGreaterThan(calls);
    expect(dateField.getAttribute('aria-invalid')).toBeNull();
    expect(dateField).toHaveProperty('value', '04/11/2019');
  });

  it('[URS-VIA-008] fetches missing vials and tells how many were read', async () => {
    const { rescan, list } = renderPage();
    await loaded();
    const calls = list.mock.calls.length;
    await userEvent.click(screen.getByRole('button', { name: 'Hent manglende glas' }));
    expect(rescan).toHaveBeenCalledOnce();
    expect(
      await screen.findByText('Indlæste 2 filer: 5 nye hætteglas, 1 fandtes allerede, 0 afvist.'),
    ).toBeTruthy();
    await waitFor(() => expect(list.mock.calls.length).toBeGreaterThan(calls));
  });

  it('[URS-VIA-008] shows why fetching missing vials failed', async () => {
    renderPage({
      rescan: () => Promise.reject(refusal('VIAL_WATCH_OFF')),
    });
    await loaded();
    await userEvent.click(screen.getByRole('button', { name: 'Hent manglende glas' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Mappen med dispenserfiler er ikke sat op eller kan ikke læses.',
    );
  });

  it('[URS-INT-005] prints a vial label and shows the api’s refusal', async () => {
    let refuse = false;
    const { vialLabel } = renderPage({
      print: () =>
        refuse
          ? Promise.reject(refusal('NO_PRINTER_CHOSEN', { kind: 'label' }))
          : Promise.resolve({}),
    });
    await loaded();
    await userEvent.click(screen.getByRole('button', { name: 'Print etiket for hætteglas 2' }));
    expect(vialLabel).toHaveBeenCalledWith({ vialId: 2 });
    expect(
      await screen.findByText('Etiketten for hætteglas 2 er sendt til printeren.'),
    ).toBeTruthy();
    refuse = true;
    await userEvent.click(screen.getByRole('button', { name: 'Print etiket for hætteglas 3' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Etiketten for hætteglas 3 blev ikke printet: Der er ikke valgt en etiketprinter under printerindstillingerne.',
    );
  });

  describe('"Angiv ejer" of a vial without owner', () => {
    const UNOWNED = vialRow({ id: 4, lotNumber: 'FDG-261123-4', customerId: null });
    const WITH_UNOWNED = [...VIALS, UNOWNED];
    const unownedRow = () =>
      screen.getByRole('table').querySelector('tr[data-vial-id="4"]') as HTMLElement;

    async function openOwnerForm() {
      await waitFor(() => expect(shownIds()).toHaveLength(4));
      expect(within(unownedRow()).getByText('Ukendt ejer')).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: 'Angiv ejer for hætteglas 4' }));
      const dialog = screen.getByRole('dialog', {
        name: 'Angiv ejer for hætteglas 4 (FDG-261123-4)',
      });
      const customer = within(dialog).getByRole('combobox', { name: 'Kunde' });
      await waitFor(() =>
        expect(within(customer).getByRole('option', { name: 'Herlev' })).toBeTruthy(),
      );
      return {
        dialog,
        customer,
        reason: within(dialog).getByRole('textbox', { name: 'Begrundelse for ændringen' }),
      };
    }

    it('[URS-VIA-005] gives the vial the chosen customer with the reason, and the row shows it', async () => {
      const { edit } = renderPage({ vials: WITH_UNOWNED });
      const { customer, reason } = await openOwnerForm();
      expect(document.activeElement).toBe(customer);
      expect(
        within(customer)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['Vælg kunde', 'Herlev', 'RH']);
      await userEvent.selectOptions(customer, 'Herlev');
      await userEvent.type(reason, 'Kundenummer mangler i dispenseren{Enter}');
      expect(edit).toHaveBeenCalledExactlyOnceWith({
        id: 4,
        customerId: 6,
        reason: 'Kundenummer mangler i dispenseren',
      });
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(within(unownedRow()).getByText('Herlev')).toBeTruthy();
      expect(within(unownedRow()).queryByText('Ukendt ejer')).toBeNull();
      expect(within(unownedRow()).queryByRole('button', { name: /^Angiv ejer/ })).toBeNull();
      expect(screen.getByText('Hætteglas 4 tilhører nu Herlev.')).toBeTruthy();
    });

    it('[URS-VIA-005] refuses a missing customer and a too-short reason before sending', async () => {
      const { edit } = renderPage({ vials: WITH_UNOWNED });
      const { dialog, customer, reason } = await openOwnerForm();
      await userEvent.click(within(dialog).getByRole('button', { name: 'Gem ejer' }));
      expect(customer.getAttribute('aria-invalid')).toBe('true');
      expect(within(dialog).getByText('Vælg den kunde, der ejer hætteglasset')).toBeTruthy();

      await userEvent.selectOptions(customer, 'RH');
      expect(customer.getAttribute('aria-invalid')).toBeNull();
      await userEvent.type(reason, 'ok{Enter}');
      expect(reason.getAttribute('aria-invalid')).toBe('true');
      expect(
        within(dialog).getByText(
          'Skriv en begrundelse (mindst 3 tegn); den gemmes i revisionssporet.',
        ),
      ).toBeTruthy();
      expect(edit).not.toHaveBeenCalled();
      expect(screen.getByRole('dialog')).toBe(dialog);
    });

    it('[URS-VIA-005] shows the api’s refusal in words and keeps what was typed', async () => {
      const { edit } = renderPage({
        vials: WITH_UNOWNED,
        edit: () => Promise.reject(refusal('VIAL_ASSIGNED')),
      });
      const { dialog, customer, reason } = await openOwnerForm();
      await userEvent.selectOptions(customer, 'RH');
      await userEvent.type(reason, 'Forkert kundenummer');
      await userEvent.click(within(dialog).getByRole('button', { name: 'Gem ejer' }));
      expect(edit).toHaveBeenCalledOnce();
      expect((await within(dialog).findByRole('alert')).textContent).toContain(
        'Hætteglasset er tildelt en ordre og kan ikke ændres.',
      );
      expect(customer).toHaveProperty('value', '5');
      expect(reason).toHaveProperty('value', 'Forkert kundenummer');
      expect(within(unownedRow()).getByText('Ukendt ejer')).toBeTruthy();
    });

    it('[URS-VIA-005] cancels with Escape: nothing is sent and focus returns to the button', async () => {
      const { edit } = renderPage({ vials: WITH_UNOWNED });
      const { customer, reason } = await openOwnerForm();
      await userEvent.selectOptions(customer, 'RH');
      await userEvent.type(reason, 'Forkert kundenummer');
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(edit).not.toHaveBeenCalled();
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Angiv ejer for hætteglas 4' }),
      );
      expect(within(unownedRow()).getByText('Ukendt ejer')).toBeTruthy();
    });
  });
});

describe('VialsPage: deleting a vial', () => {
  const ASSIGNED = vialRow({ id: 5, lotNumber: 'FDG-261123-5', assignedToId: 40 });
  const WITH_ASSIGNED = [...VIALS, ASSIGNED];
  const rowOf = (id: number) =>
    screen.getByRole('table').querySelector(`tr[data-vial-id="${id}"]`) as HTMLElement;

  async function askToDelete(id: number) {
    await userEvent.click(
      await screen.findByRole('button', { name: `Slet hætteglas ${String(id)}` }),
    );
    return screen.getByRole('dialog', { name: /^Slet hætteglas/ });
  }

  it('[URS-VIA-005] offers "Slet" on the unassigned vials and deletes one after confirming', async () => {
    const { remove } = renderPage({ vials: WITH_ASSIGNED });
    await waitFor(() => expect(shownIds()).toHaveLength(4));
    await screen.findByRole('button', { name: 'Slet hætteglas 2' });
    expect(within(rowOf(5)).queryByRole('button', { name: /^Slet/ })).toBeNull();

    const question = await askToDelete(2);
    expect(within(question).getByRole('heading').textContent).toBe(
      'Slet hætteglas 2 (FDG-261123-1)',
    );
    expect(question.textContent).toContain(
      'Vil du slette hætteglas 2 (FDG-261123-1, tappet 23/11/2026 kl. 07:10)?',
    );
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(remove).not.toHaveBeenCalled();

    await askToDelete(2);
    await userEvent.keyboard('{Enter}');
    expect(remove).toHaveBeenCalledExactlyOnceWith({ id: 2 });
    await waitFor(() => expect(shownIds()).toEqual([5, 3, 1]));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Hætteglas 2 er slettet.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('region', { name: /^Hætteglas, / }));
  });

  it('[URS-VIA-005][URS-DAT-006] says in words why the api refused, and keeps the vial', async () => {
    const { remove } = renderPage({ remove: () => Promise.reject(refusal('VIAL_ASSIGNED')) });
    await loaded();
    const question = await askToDelete(3);
    await userEvent.click(within(question).getByRole('button', { name: 'Slet' }));
    expect(remove).toHaveBeenCalledExactlyOnceWith({ id: 3 });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Fejl: Hætteglas 3 blev ikke slettet: Hætteglasset er tildelt en ordre og kan ikke ændres.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(shownIds()).toEqual([3, 2, 1]);
  });

  it('offers no "Slet" to a role that may not write vials', async () => {
    renderPage({ userGroup: 5 });
    await loaded();
    await waitFor(() => expect(within(screen.getByRole('table')).getByText('Herlev')).toBeTruthy());
    expect(screen.queryByRole('button', { name: /^Slet hætteglas/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Slet' })).toBeNull();
  });
});
