import { screen, waitFor, within } from '@testing-library/react';
import { describedText, refusal } from '@tracershop/ui';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuditChainReport, AuditReviewRow, AuditRow } from '../adminApi';
import { renderWithApi } from '../renderWithApi';
import AuditTrailPage from './AuditTrailPage';

function auditRow(overrides: Partial<AuditRow>): AuditRow {
  return {
    id: 1,
    at: '2026-12-02T07:05:00.000Z',
    atText: '02/12/2026 08:05:00',
    actorId: 4,
    actorName: 'Demo Prod User',
    actorText: 'Demo Prod User',
    action: 'activityOrder.release',
    actionText: 'frigivet',
    entity: 'ActivityOrder',
    entityId: 12,
    kindText: 'Aktivitetsordre',
    identity: 'til RH KF – PET1, 02/12/2026 kl. 08:00',
    subject: 'Aktivitetsordre til RH KF – PET1, 02/12/2026 kl. 08:00',
    lifecycle: null,
    changes: [],
    reason: null,
    before: null,
    after: null,
    hash: 'b'.repeat(64),
    ...overrides,
  };
}

const ROWS = [
  auditRow({
    id: 2,
    reason: 'Leveret tidligere efter aftale',
    changes: [
      { field: 'status', label: 'Status', before: 'Accepteret', after: 'Frigivet' },
      { field: 'freedByName', label: 'Frigivet af', before: '–', after: 'Demo Prod User' },
    ],
    before: { id: 12, status: 2, freedByName: null },
    after: { id: 12, status: 3, freedByName: 'Demo Prod User' },
  }),
  auditRow({
    id: 1,
    at: '2026-12-01T13:00:00.000Z',
    atText: '01/12/2026 14:00:00',
    actorId: 5,
    actorName: 'Demo Shop User',
    actorText: 'Demo Shop User',
    action: 'activityOrder.create',
    actionText: 'oprettet',
    lifecycle: 'Oprettet',
    changes: [{ field: 'orderedActivity', label: 'Bestilt aktivitet', after: '300 MBq' }],
    after: { id: 12, orderedActivity: 300 },
  }),
];

function fakeApi(options: { total?: number; report?: AuditChainReport; rows?: AuditRow[] } = {}) {
  const auditTrail = vi.fn((input?: { page?: number; pageSize?: number }) =>
    Promise.resolve({
      rows: options.rows ?? ROWS,
      total: options.total ?? 2,
      page: input?.page ?? 1,
      pageSize: input?.pageSize ?? 50,
    }),
  );
  const verifyAuditChain = vi.fn(() =>
    Promise.resolve(
      options.report ?? { ok: true, checked: 5, lastHash: 'c'.repeat(64), firstBroken: null },
    ),
  );
  const reviews: AuditReviewRow[] = [];
  const review = vi.fn(
    (input: { fromDate: string; toDate: string; comment: string; password: string }) => {
      if (input.password !== 'tracershop') {
        return Promise.reject(refusal('INVALID_SIGNATURE'));
      }
      const row = {
        id: reviews.length + 1,
        fromDate: input.fromDate,
        toDate: input.toDate,
        reviewedAt: '2026-12-05T09:00:00.000Z',
        reviewerName: 'Demo Site Admin',
        comment: input.comment,
        chainOk: true,
        eventsChecked: 5,
      };
      reviews.push(row);
      return Promise.resolve(row);
    },
  );
  renderWithApi(<AuditTrailPage />, {
    admin: {
      auditTrail: { query: auditTrail },
      verifyAuditChain: { query: verifyAuditChain },
      auditFilters: {
        query: () =>
          Promise.resolve({
            kinds: [{ entity: 'ActivityOrder', text: 'Aktivitetsordre' }],
            actions: [
              { action: 'activityOrder.create', text: 'Aktivitetsordre: oprettet' },
              { action: 'activityOrder.release', text: 'Aktivitetsordre: frigivet' },
            ],
            customers: [{ id: 1, name: 'RH KF' }],
          }),
      },
      reviews: { query: () => Promise.resolve([...reviews]) },
      review: { mutate: review },
    },
    setup: {
      users: {
        list: {
          query: () =>
            Promise.resolve({
              users: [
                { id: 4, username: 'prod-user', displayName: 'Demo Prod User' },
                { id: 5, username: 'shop-user', displayName: 'Demo Shop User' },
              ],
              assignments: [],
            }),
        },
      },
    },
  });
  return { auditTrail, verifyAuditChain, review };
}

const rowOf = async (id: number) => {
  const table = await screen.findByRole('table', { name: 'Revisionsspor' });
  const row = table.querySelector(`tr[data-audit-id="${id}"]`);
  if (row === null) {
    throw new Error(`no row ${id}`);
  }
  return row as HTMLElement;
};

describe('AuditTrailPage', () => {
  it('[URS-AUD-006] shows each event in words: time, user, the record by its name, what changed', async () => {
    fakeApi();
    const release = await rowOf(2);
    expect(within(release).getByText('02/12/2026 08:05:00')).toBeTruthy();
    expect(within(release).getByRole('cell', { name: 'Demo Prod User' })).toBeTruthy();
    expect(
      within(release).getByRole('button', {
        name: 'Aktivitetsordre til RH KF – PET1, 02/12/2026 kl. 08:00',
      }),
    ).toBeTruthy();
    expect(within(release).getByText('frigivet')).toBeTruthy();
    // The user's reason for the change, above what changed.
    expect(within(release).getByText('Begrundelse:').parentElement?.textContent).toBe(
      'Begrundelse: Leveret tidligere efter aftale',
    );
    const items = within(release).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Status:Accepteret→Frigivet',
      'Frigivet af:–→Demo Prod User',
    ]);
    expect(items[0]?.querySelector('del')?.textContent).toBe('Accepteret');
    expect(items[0]?.querySelector('ins')?.textContent).toBe('Frigivet');
    expect(items[0]?.title).toBe('status');
    // The stored event stays there for the expert, behind "Detaljer".
    await userEvent.click(within(release).getByText('Detaljer'));
    expect(within(release).getByText('activityOrder.release')).toBeTruthy();
    expect(within(release).getByText('ActivityOrder 12')).toBeTruthy();
    const creation = await rowOf(1);
    expect(within(creation).getByText('Oprettet')).toBeTruthy();
    expect(within(creation).getByText('300 MBq')).toBeTruthy();
  });

  it('[URS-AUD-007] sends the filters: days on the site clock, user, kind, id, action, customer, lot', async () => {
    const { auditTrail } = fakeApi();
    await rowOf(2);
    const filters = within(screen.getByRole('form', { name: 'Filtre' }));
    expect(auditTrail).toHaveBeenLastCalledWith({ page: 1, pageSize: 50, language: 'da' });
    await userEvent.type(filters.getByLabelText('Fra'), '01122026');
    await userEvent.type(filters.getByLabelText('Til'), '02122026');
    await screen.findByRole('option', { name: 'Demo Prod User (prod-user)' });
    await userEvent.selectOptions(filters.getByLabelText('Bruger'), 'Demo Prod User (prod-user)');
    await userEvent.selectOptions(filters.getByLabelText('Entitet'), 'Aktivitetsordre');
    await userEvent.type(filters.getByLabelText('Id'), '12');
    await filters.findByRole('option', { name: 'Aktivitetsordre: frigivet' });
    await userEvent.selectOptions(filters.getByLabelText('Handling'), 'Aktivitetsordre: frigivet');
    await userEvent.selectOptions(filters.getByLabelText('Kunde'), 'RH KF');
    await userEvent.type(filters.getByLabelText('Lot'), ' FDG-261202-1 ');
    await userEvent.click(filters.getByRole('button', { name: 'Søg' }));
    await waitFor(() =>
      expect(auditTrail).toHaveBeenLastCalledWith({
        from: '2026-11-30T23:00:00Z',
        to: '2026-12-02T23:00:00Z',
        actorId: 4,
        entity: 'ActivityOrder',
        entityId: 12,
        action: 'activityOrder.release',
        customerId: 1,
        lot: 'FDG-261202-1',
        page: 1,
        pageSize: 50,
        language: 'da',
      }),
    );
  });

  it('[URS-AUD-007] refuses an id that is not a whole number without asking the api', async () => {
    const { auditTrail } = fakeApi();
    await rowOf(2);
    await userEvent.type(screen.getByLabelText('Id'), '1,5');
    await userEvent.click(screen.getByRole('button', { name: 'Søg' }));
    expect(describedText(screen.getByLabelText('Id'))).toBe('Id skal være et helt tal.');
    expect(auditTrail).toHaveBeenCalledTimes(1);
  });

  it('[URS-AUD-007] filters on a row’s entity when it is clicked', async () => {
    const { auditTrail } = fakeApi();
    const release = await rowOf(2);
    await userEvent.click(within(release).getByRole('button', { name: /^Aktivitetsordre til/ }));
    await waitFor(() =>
      expect(auditTrail).toHaveBeenLastCalledWith({
        entity: 'ActivityOrder',
        entityId: 12,
        page: 1,
        pageSize: 50,
        language: 'da',
      }),
    );
    expect((screen.getByLabelText('Entitet') as HTMLSelectElement).value).toBe('ActivityOrder');
  });

  it('[URS-AUD-006] pages through a long trail', async () => {
    const { auditTrail } = fakeApi({ total: 120 });
    await rowOf(2);
    expect(screen.getByText('Side 1 af 3 (120 rækker)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Forrige' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Næste' }));
    await waitFor(() =>
      expect(auditTrail).toHaveBeenLastCalledWith({ page: 2, pageSize: 50, language: 'da' }),
    );
    expect(await screen.findByText('Side 2 af 3 (120 rækker)')).toBeTruthy();
  });

  it('[URS-AUD-004] reports an intact chain with the number of events checked', async () => {
    const { verifyAuditChain } = fakeApi();
    await userEvent.click(screen.getByRole('button', { name: 'Verificer kæden' }));
    expect(verifyAuditChain).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Kæden er intakt: 5 hændelser kontrolleret.',
    );
  });

  it('[URS-AUD-004] reports where a broken chain breaks', async () => {
    fakeApi({
      report: {
        ok: false,
        checked: 17,
        lastHash: 'c'.repeat(64),
        firstBroken: { id: 17, reason: 'hash' },
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Verificer kæden' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Fejl: Kæden er brudt ved hændelse 17: hændelsen er ændret efter den blev skrevet (17 hændelser kontrolleret).',
    );
  });

  it('[URS-AUD-008] signs the review of a period with the password and lists it', async () => {
    const { review } = fakeApi();
    expect(await screen.findByText('Ingen perioder er gennemgået endnu.')).toBeTruthy();
    const form = within(screen.getByRole('form', { name: 'Registrér en gennemgang' }));
    await userEvent.click(form.getByRole('button', { name: 'Underskriv gennemgang' }));
    expect(screen.getByText('Skriv en kommentar til gennemgangen.')).toBeTruthy();
    await userEvent.type(form.getByLabelText('Fra'), '01112026');
    await userEvent.type(form.getByLabelText('Til'), '30112026');
    await userEvent.type(form.getByLabelText('Kommentar'), 'Ingen afvigelser');
    await userEvent.click(form.getByRole('button', { name: 'Underskriv gennemgang' }));
    const signature = screen.getByRole('form', { name: /Underskriv gennemgangen af/ });
    await userEvent.type(within(signature).getByLabelText('Kodeord'), 'forkert');
    await userEvent.click(within(signature).getByRole('button', { name: 'Underskriv gennemgang' }));
    expect(await within(signature).findByText(/Forkert login/)).toBeTruthy();
    await userEvent.type(within(signature).getByLabelText('Kodeord'), 'tracershop');
    await userEvent.click(within(signature).getByRole('button', { name: 'Underskriv gennemgang' }));
    expect(
      await screen.findByText('Gennemgangen af 01/11/2026 – 30/11/2026 er underskrevet.'),
    ).toBeTruthy();
    expect(review).toHaveBeenLastCalledWith({
      fromDate: '2026-11-01',
      toDate: '2026-11-30',
      comment: 'Ingen afvigelser',
      password: 'tracershop',
    });
    const list = await screen.findByRole('table', { name: 'Gennemgang af revisionssporet' });
    expect(within(list).getByText('Intakt (5 hændelser)')).toBeTruthy();
  });
});
