import { OrderStatus, UserGroup } from '@tracershop/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { refusal } from '@tracershop/ui';
import { describe, expect, it, vi } from 'vitest';
import type { PrintOutcome } from '../orderForms/CertificatePrint';
import {
  assignedVial,
  orderLine,
  releaseRight,
  slotCard,
  slotVials,
  vial,
} from '../testing/fixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { ActivityOrderActions, ActivityOrderModalProps } from './ActivityOrderModal';
import { ActivityOrderModal } from './ActivityOrderModal';

const USER_ID = 3;

function actions(overrides: Partial<ActivityOrderActions> = {}): ActivityOrderActions {
  return {
    accept: vi.fn(() => Promise.resolve({})),
    reject: vi.fn(() => Promise.resolve({})),
    unreject: vi.fn(() => Promise.resolve({})),
    editDose: vi.fn(() => Promise.resolve({})),
    createVial: vi.fn(() => Promise.resolve({ id: 32 })),
    editVial: vi.fn(() => Promise.resolve({})),
    release: vi.fn(() => Promise.resolve({})),
    correct: vi.fn(() => Promise.resolve({})),
    deleteOrder: vi.fn(() => Promise.resolve({})),
    printCertificate: vi.fn(() =>
      Promise.resolve({ printerName: 'Kontor-1', jobId: 12, state: 'completed', completed: true }),
    ),
    ...overrides,
  };
}

function props(
  status: OrderStatus,
  overrides: Partial<ActivityOrderModalProps> = {},
): ActivityOrderModalProps {
  return {
    // The vial (1 234,6 MBq at 07:45) gives 636 MBq at 09:30: what the order requires.
    card: slotCard([orderLine({ id: 7, status }, { withOverhead: 600 })], { status }),
    date: '2026-12-02',
    today: '2026-12-02',
    timeZone: 'Europe/Copenhagen',
    tracer: {
      id: 1,
      vialTag: 'FDG',
      halflifeSeconds: 6586.2,
      guards: { underDeliveryTolerancePercent: 10, overDeliveryTolerancePercent: 50 },
    },
    customerName: 'Rigshospitalet',
    vials: slotVials([vial(31, 'FDG-261202-1')]),
    signer: { id: USER_ID, userGroup: UserGroup.ProductionUser, username: 'prod-user' },
    rights: [releaseRight({ userId: USER_ID })],
    onClose: vi.fn(),
    actions: actions(),
    ...overrides,
  };
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const releaseButton = () => button('Frigiv');
const useVial = () => screen.getByRole('checkbox', { name: 'Vælg hætteglas FDG-261202-1' });

describe('ActivityOrderModal', () => {
  it('[URS-PRD-015] shows the information rows and the vials, floored', async () => {
    renderWithI18n(<ActivityOrderModal {...props(OrderStatus.Accepted)} />);
    expect(screen.getByRole('dialog', { name: 'Ordre - 02/12/2026 - 09:30' })).toBeTruthy();
    expect(screen.getByText('Rigshospitalet - PET1')).toBeTruthy();
    expect(screen.getByText(/ID:7 - 300 MBq/)).toBeTruthy();
    expect(screen.getByText('455 MBq')).toBeTruthy();
    expect(screen.getByRole('cell', { name: '1\u00a0234\u00a0MBq' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '8,50\u00a0ml' })).toBeTruthy();
    await userEvent.click(useVial());
    // Allokeret aktivitet: the chosen vial's activity.
    expect(screen.getByText('Allokeret aktivitet:').nextElementSibling?.textContent).toBe(
      '1\u00a0234\u00a0MBq',
    );
  });

  it('[URS-REL-001] offers "Frigiv" once a vial is chosen and signs with the password', async () => {
    const given = props(OrderStatus.Accepted);
    renderWithI18n(<ActivityOrderModal {...given} />);
    expect(releaseButton().disabled).toBe(true);
    expect(screen.getByText('Vælg mindst et hætteglas.')).toBeTruthy();
    await userEvent.click(useVial());
    expect(releaseButton().disabled).toBe(false);
    await userEvent.click(releaseButton());
    expect(screen.queryByText(/ikke til i dag/)).toBeNull();
    await userEvent.type(screen.getByLabelText('Kodeord'), 'tracershop');
    await userEvent.click(releaseButton());
    expect(given.actions.release).toHaveBeenCalledWith({
      orderIds: [7],
      vialIds: [31],
      password: 'tracershop',
    });
  });

  it('[URS-REL-010][URS-REL-009] keeps the vials in view while signing and asks for a reason when they give too little', async () => {
    const given = props(OrderStatus.Accepted, {
      card: slotCard([orderLine({ id: 7, status: OrderStatus.Accepted }, { withOverhead: 1000 })], {
        status: OrderStatus.Accepted,
      }),
    });
    renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.click(useVial());
    await userEvent.click(releaseButton());
    const signing = screen.getByRole('region', { name: 'Det, du underskriver' });
    expect(within(signing).getByRole('rowheader', { name: 'FDG-261202-1' })).toBeTruthy();
    expect(within(signing).getByText(/kræver ordrerne 1 000 MBq/)).toBeTruthy();
    expect(
      screen.getByText(/giver 636 MBq kl. 09:30, 36,3 % mindre end de krævede 1 000 MBq/),
    ).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Brugernavn' }) as HTMLInputElement).readOnly).toBe(
      true,
    );
    await userEvent.type(screen.getByLabelText('Kodeord'), 'tracershop');
    await userEvent.type(screen.getByLabelText('Begrundelse'), 'Syntesen gav for lidt');
    await userEvent.click(releaseButton());
    expect(given.actions.release).toHaveBeenCalledWith({
      orderIds: [7],
      vialIds: [31],
      password: 'tracershop',
      deviationReason: 'Syntesen gav for lidt',
    });
  });

  it('[URS-REL-010] warns when the order being released is not for today', async () => {
    renderWithI18n(
      <ActivityOrderModal {...props(OrderStatus.Accepted, { today: '2026-12-01' })} />,
    );
    await userEvent.click(useVial());
    await userEvent.click(releaseButton());
    expect(
      screen.getByText('Ordren, du er i gang med at frigive, er ikke til i dag!'),
    ).toBeTruthy();
  });

  it("[URS-REL-002] shows the api's refusal of a wrong password", async () => {
    const given = props(OrderStatus.Accepted, {
      actions: actions({ release: vi.fn(() => Promise.reject(new Error('Forkert login.'))) }),
    });
    renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.click(useVial());
    await userEvent.click(releaseButton());
    await userEvent.type(screen.getByLabelText('Kodeord'), 'forkert');
    await userEvent.click(releaseButton());
    expect(await screen.findByText(/Forkert login/)).toBeTruthy();
  });

  it('[URS-REL-004] keeps "Frigiv" disabled while the orders are not accepted, without "Brug"', () => {
    renderWithI18n(<ActivityOrderModal {...props(OrderStatus.Ordered)} />);
    expect(releaseButton().disabled).toBe(true);
    expect(screen.getByText('Ordrerne skal være accepteret, før de kan frigives.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  describe('the release right', () => {
    it('[URS-REL-004] disables "Frigiv" without a right for the tracer', async () => {
      renderWithI18n(
        <ActivityOrderModal
          {...props(OrderStatus.Accepted, {
            rights: [releaseRight({ userId: USER_ID, tracerId: 2 })],
          })}
        />,
      );
      await userEvent.click(useVial());
      expect(releaseButton().disabled).toBe(true);
      expect(
        screen.getByText('Du har ingen gyldig frigivelsesrettighed til denne tracer.'),
      ).toBeTruthy();
    });

    it('[URS-REL-004] disables "Frigiv" with an expired right', async () => {
      renderWithI18n(
        <ActivityOrderModal
          {...props(OrderStatus.Accepted, {
            rights: [releaseRight({ userId: USER_ID, expiryDate: '2026-12-02' })],
          })}
        />,
      );
      await userEvent.click(useVial());
      expect(releaseButton().disabled).toBe(true);
    });

    it('[URS-REL-004] lets a site admin release without a right', async () => {
      renderWithI18n(
        <ActivityOrderModal
          {...props(OrderStatus.Accepted, {
            rights: [],
            signer: { id: 1, userGroup: UserGroup.Admin, username: 'admin' },
          })}
        />,
      );
      await userEvent.click(useVial());
      expect(releaseButton().disabled).toBe(false);
    });
  });

  it('[URS-VIA-005] adds a vial by hand, checking each field, and chooses it', async () => {
    const given = props(OrderStatus.Accepted, { vials: slotVials([]) });
    const view = renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.click(button('Tilføj hætteglas'));
    expect(releaseButton().disabled).toBe(true);
    expect(screen.getByText('Gem eller luk hætteglas-formularen først.')).toBeTruthy();
    const form = within(screen.getByRole('form', { name: 'Nyt hætteglas' }));
    expect((form.getByLabelText('Lotnummer') as HTMLInputElement).value).toBe('FDG-261202-1');
    await userEvent.type(form.getByLabelText('Tappetid (TT:MM)'), 'x');
    await userEvent.type(form.getByLabelText('Volumen (ml)'), '-2');
    await userEvent.type(form.getByLabelText('Aktivitet (MBq)'), 'abc');
    await userEvent.click(form.getByRole('button', { name: 'Tilføj' }));
    expect(form.getByText('Tidspunkt er ikke formateret som et tidspunkt')).toBeTruthy();
    expect(form.getByText('Volumen kan ikke være negativ')).toBeTruthy();
    expect(form.getByText('Aktivitet er ikke et tal')).toBeTruthy();
    expect(given.actions.createVial).not.toHaveBeenCalled();

    await userEvent.clear(form.getByLabelText('Tappetid (TT:MM)'));
    await userEvent.type(form.getByLabelText('Tappetid (TT:MM)'), '11:33:44');
    await userEvent.clear(form.getByLabelText('Volumen (ml)'));
    await userEvent.type(form.getByLabelText('Volumen (ml)'), '13,44');
    await userEvent.clear(form.getByLabelText('Aktivitet (MBq)'));
    await userEvent.type(form.getByLabelText('Aktivitet (MBq)'), '13665');
    await userEvent.click(form.getByRole('button', { name: 'Tilføj' }));
    expect(given.actions.createVial).toHaveBeenCalledWith({
      lotNumber: 'FDG-261202-1',
      fillTime: '11:33:44',
      volume: 13.44,
      activity: 13665,
      tracerId: 1,
      customerId: 5,
      fillDate: '2026-12-02',
    });
    view.rerender(<ActivityOrderModal {...given} vials={slotVials([vial(32, 'FDG-261202-1')])} />);
    await waitFor(() => expect(releaseButton().disabled).toBe(false));
  });

  it('[URS-VIA-005] corrects a free vial in place', async () => {
    const given = props(OrderStatus.Accepted);
    renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.click(button('Ret hætteglas FDG-261202-1'));
    const form = within(screen.getByRole('form', { name: 'Ret hætteglas FDG-261202-1' }));
    expect((form.getByLabelText('Volumen (ml)') as HTMLInputElement).value).toBe('8,5');
    await userEvent.clear(form.getByLabelText('Volumen (ml)'));
    await userEvent.type(form.getByLabelText('Volumen (ml)'), '9');
    // A vial is a measured record: its edit says why.
    await userEvent.click(form.getByRole('button', { name: 'Gem' }));
    expect(
      form.getByText('Skriv en begrundelse (mindst 3 tegn); den gemmes i revisionssporet.'),
    ).toBeTruthy();
    expect(given.actions.editVial).not.toHaveBeenCalled();
    await userEvent.type(form.getByLabelText('Begrundelse for ændringen'), 'Volumen målt igen');
    await userEvent.click(form.getByRole('button', { name: 'Gem' }));
    expect(given.actions.editVial).toHaveBeenCalledWith({
      id: 31,
      lotNumber: 'FDG-261202-1',
      fillTime: '07:45:00',
      volume: 9,
      activity: 1234.6,
      reason: 'Volumen målt igen',
    });
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
  });

  it('[URS-DAT-007] corrects a dose, refusing text, and blocks "Accepter" meanwhile', async () => {
    const given = props(OrderStatus.Ordered);
    renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.click(button('Ret dosis for ordre 7'));
    expect(button('Accepter').disabled).toBe(true);
    expect(screen.getByText('Du kan ikke acceptere ordrer, mens du redigerer dem.')).toBeTruthy();
    expect(screen.queryByLabelText('Begrundelse for ændringen')).toBeNull(); // not yet accepted
    const input = screen.getByLabelText('Dosis for ordre 7 (MBq)');
    await userEvent.clear(input);
    await userEvent.type(input, 'a59420');
    await userEvent.click(button('Gem dosis'));
    expect(screen.getByText('Aktivitet er ikke et tal')).toBeTruthy();
    expect(given.actions.editDose).not.toHaveBeenCalled();
    await userEvent.clear(input);
    await userEvent.type(input, '59420{Enter}');
    expect(given.actions.editDose).toHaveBeenCalledWith(7, 59420, undefined, undefined);
    await waitFor(() => expect(button('Accepter').disabled).toBe(false));
    await userEvent.click(button('Accepter'));
    expect(given.actions.accept).toHaveBeenCalled();
  });

  it('[URS-PRD-006] asks for the reason when the dose of an accepted order changes', async () => {
    const given = props(OrderStatus.Accepted);
    renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.click(button('Ret dosis for ordre 7'));
    const input = screen.getByLabelText('Dosis for ordre 7 (MBq)');
    await userEvent.clear(input);
    await userEvent.type(input, '500');
    await userEvent.click(button('Gem dosis'));
    const missing = 'Skriv en begrundelse (mindst 3 tegn); den gemmes i revisionssporet.';
    expect(screen.getByText(missing)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Begrundelse for ændringen'), 'ok');
    await userEvent.click(button('Gem dosis'));
    expect(screen.getByText(missing)).toBeTruthy();
    expect(given.actions.editDose).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Begrundelse for ændringen'), ' – kunden ringede');
    await userEvent.click(button('Gem dosis'));
    expect(given.actions.editDose).toHaveBeenCalledWith(7, 500, undefined, 'ok – kunden ringede');
  });

  it('[URS-PRD-004] asks "Vil du afvise?" before rejecting', async () => {
    const given = props(OrderStatus.Accepted);
    renderWithI18n(<ActivityOrderModal {...given} />);
    await userEvent.click(button('Afvis'));
    const question = screen.getByRole('dialog', { name: 'Vil du afvise?' });
    await userEvent.click(within(question).getByRole('button', { name: 'Tilbage' }));
    expect(given.actions.reject).not.toHaveBeenCalled();
    await userEvent.click(button('Afvis'));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Vil du afvise?' })).getByRole('button', {
        name: 'Afvis',
      }),
    );
    expect(given.actions.reject).toHaveBeenCalledWith([7]);
  });

  it('[URS-PRD-004] un-rejects a rejected delivery', async () => {
    const given = props(OrderStatus.Rejected);
    renderWithI18n(<ActivityOrderModal {...given} />);
    expect(screen.queryByRole('button', { name: 'Frigiv' })).toBeNull();
    await userEvent.click(button('Fortryd afvisning'));
    expect(given.actions.unreject).toHaveBeenCalledWith([7]);
  });

  describe('one order of a delivery', () => {
    const twoOrders = (seven: OrderStatus, eight: OrderStatus, status: OrderStatus) =>
      slotCard([orderLine({ id: 7, status: seven }), orderLine({ id: 8, status: eight })], {
        status,
      });

    it('[URS-PRD-004] rejects only that order, after asking about it; Escape takes the question back', async () => {
      const given = props(OrderStatus.Accepted, {
        card: twoOrders(OrderStatus.Accepted, OrderStatus.Accepted, OrderStatus.Accepted),
      });
      renderWithI18n(<ActivityOrderModal {...given} />);
      // The whole delivery's "Afvis" stays beside each order's own.
      expect(button('Afvis')).toBeTruthy();
      expect(button('Afvis ordre 7')).toBeTruthy();
      const rejectEight = button('Afvis ordre 8');
      rejectEight.focus();
      await userEvent.keyboard('{Enter}');
      const question = screen.getByRole('dialog', { name: 'Vil du afvise ordre 8?' });
      const confirm = within(question).getByRole('button', { name: 'Afvis' });
      expect(document.activeElement).toBe(confirm);
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('dialog', { name: 'Vil du afvise ordre 8?' })).toBeNull();
      expect(given.actions.reject).not.toHaveBeenCalled();
      expect(given.onClose).not.toHaveBeenCalled(); // Escape answered the question only

      await userEvent.click(button('Afvis ordre 8'));
      await userEvent.click(
        within(screen.getByRole('dialog', { name: 'Vil du afvise ordre 8?' })).getByRole('button', {
          name: 'Afvis',
        }),
      );
      expect(given.actions.reject).toHaveBeenCalledTimes(1);
      expect(given.actions.reject).toHaveBeenCalledWith([8]);
    });

    it('[URS-PRD-004] un-rejects one rejected order and offers no reject for it', async () => {
      const given = props(OrderStatus.Accepted, {
        card: twoOrders(OrderStatus.Rejected, OrderStatus.Accepted, OrderStatus.Accepted),
      });
      renderWithI18n(<ActivityOrderModal {...given} />);
      expect(screen.queryByRole('button', { name: 'Afvis ordre 7' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Fortryd afvisning af ordre 8' })).toBeNull();
      // Not every order is rejected: the whole delivery's "Fortryd afvisning" is not offered.
      expect(screen.queryByRole('button', { name: 'Fortryd afvisning' })).toBeNull();
      await userEvent.click(button('Fortryd afvisning af ordre 7'));
      expect(given.actions.unreject).toHaveBeenCalledWith([7]);
      expect(given.actions.reject).not.toHaveBeenCalled();
    });

    it('[URS-PRD-004] says who rejected an order and when, on the site clock', () => {
      renderWithI18n(
        <ActivityOrderModal
          {...props(OrderStatus.Rejected, {
            card: slotCard(
              [
                orderLine(
                  { id: 7, status: OrderStatus.Rejected },
                  { rejectedBy: 'Demo Production User', rejectedAt: '2026-12-02T08:15:00.000Z' },
                ),
              ],
              { status: OrderStatus.Rejected },
            ),
          })}
        />,
      );
      expect(screen.getByText('Afvist af Demo Production User 02/12/2026 kl. 09:15')).toBeTruthy();
      expect(button('Fortryd afvisning af ordre 7')).toBeTruthy();
    });

    it("[URS-PRD-015][URS-PRD-007] shows each order's ordered, with-overhead and delivered figures, floored", () => {
      renderWithI18n(
        <ActivityOrderModal
          {...props(OrderStatus.Released, {
            card: slotCard(
              [
                orderLine(
                  { id: 7, status: OrderStatus.Released, releasedWithId: 7 },
                  { withOverhead: 375.9, deliveredActivity: 480.29 },
                ),
                orderLine(
                  { id: 8, status: OrderStatus.Released, releasedWithId: 7, orderedActivity: 200 },
                  { withOverhead: 250.7, deliveredActivity: 0, deliveredWithOrderId: 7 },
                ),
              ],
              { status: OrderStatus.Released, deliveredActivity: 480.29 },
              { releaseId: 7, releaseNumber: 1 },
            ),
            vials: slotVials([]),
          })}
        />,
      );
      expect(screen.getByText(/ID:7 - 300 MBq/)).toBeTruthy();
      // Each figure keeps its unit on its line.
      expect(screen.getByText('med overhead 375 MBq · udleveret 480 MBq').textContent).toBe(
        'med overhead 375\u00a0MBq · udleveret 480\u00a0MBq',
      );
      expect(screen.getByText(/ID:8 - 200 MBq/)).toBeTruthy();
      expect(screen.getByText('med overhead 250 MBq · udleveret med ordre 7')).toBeTruthy();
    });

    it('[URS-PRD-015] shows the with-overhead figure alone until the order is released', () => {
      renderWithI18n(<ActivityOrderModal {...props(OrderStatus.Accepted)} />);
      expect(screen.getByText('med overhead 600 MBq')).toBeTruthy();
      expect(screen.queryByText(/udleveret/)).toBeNull();
    });
  });

  it('[URS-DOC-001][URS-REL-014] offers the certificate and "Ret ordre" for a released delivery', async () => {
    const given = props(OrderStatus.Released, {
      card: slotCard(
        [
          orderLine({
            id: 7,
            status: OrderStatus.Released,
            freedAt: '2026-12-02T08:15:00.000Z',
            freedByName: 'prod-user',
          }),
        ],
        { status: OrderStatus.Released, deliveredActivity: 480.2 },
        { releaseId: 7, releaseNumber: 1 },
      ),
      vials: { ...slotVials([]), assigned: [assignedVial(31, 'FDG-261202-1', 7)] },
    });
    renderWithI18n(<ActivityOrderModal {...given} />);
    expect(screen.getByRole('status').textContent).toBe('Ordrerne er frigivet.');
    expect(screen.getByText('PROD-USER')).toBeTruthy();
    expect(screen.getByText('02/12/2026 09:15')).toBeTruthy();
    expect(screen.getByText('480 MBq')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Frigivelsescertifikat' });
    expect(link.getAttribute('href')).toBe('/documents/activity-certificate/1/2026-12-02/7.pdf');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.queryByRole('button', { name: 'Frigiv' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tilføj hætteglas' })).toBeNull();
    await userEvent.click(button('Ret ordre'));
    expect(screen.getAllByRole('button', { name: 'Ret ordre' })).toHaveLength(1);
    await userEvent.type(screen.getByLabelText('Kodeord'), 'tracershop');
    await userEvent.click(button('Ret ordre'));
    expect(
      screen.getByText('Skriv en begrundelse (mindst 3 tegn), før du underskriver.'),
    ).toBeTruthy();
    expect(given.actions.correct).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Begrundelse'), 'Forkert hætteglas valgt');
    await userEvent.click(button('Ret ordre'));
    expect(given.actions.correct).toHaveBeenCalledWith({
      orderIds: [7],
      password: 'tracershop',
      reason: 'Forkert hætteglas valgt',
    });
  });

  it('[URS-PRD-008] marks a dead order "død ordre" with why, and offers no accept or release for only dead orders', async () => {
    const given = props(OrderStatus.Ordered, {
      card: slotCard([orderLine({ id: 9, orderedActivity: 0.5 }, { dead: true })], {
        status: null,
        onlyDead: true,
        deadOrderIds: [9],
        orderedActivity: 0,
        toDeliverActivity: 0,
      }),
    });
    renderWithI18n(<ActivityOrderModal {...given} />);
    const marker = screen.getByText('død ordre');
    expect(marker.getAttribute('title')).toBe('under 1 MBq bestilt og leveret: tæller ikke med');
    // The reason stands alone: a dead order has no with-overhead figure to make.
    expect(screen.getByText('under 1 MBq bestilt og leveret: tæller ikke med')).toBeTruthy();
    expect(screen.queryByText(/med overhead/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Accepter' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Frigiv' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ret dosis for ordre 9' })).toBeNull();
    await userEvent.click(button('Afvis ordre 9'));
    await userEvent.click(
      within(screen.getByRole('dialog', { name: 'Vil du afvise ordre 9?' })).getByRole('button', {
        name: 'Afvis',
      }),
    );
    expect(given.actions.reject).toHaveBeenCalledWith([9]);
  });

  it('[URS-PRD-008] marks only the dead order of a mixed delivery', () => {
    renderWithI18n(
      <ActivityOrderModal
        {...props(OrderStatus.Ordered, {
          card: slotCard(
            [orderLine({ id: 7 }), orderLine({ id: 9, orderedActivity: 0.5 }, { dead: true })],
            { deadOrderIds: [9] },
          ),
        })}
      />,
    );
    expect(screen.getAllByText('død ordre')).toHaveLength(1);
    expect(screen.getByText('død ordre').closest('li')?.textContent).toContain('ID:9');
    expect(button('Accepter')).toBeTruthy();
  });

  describe('printing and deleting from the dialog', () => {
    /** A released delivery of order 7, shown to `userGroup`. */
    function released(
      userGroup: UserGroup,
      overrides: Partial<ActivityOrderActions> = {},
    ): ActivityOrderModalProps {
      return props(OrderStatus.Released, {
        card: slotCard(
          [orderLine({ id: 7, status: OrderStatus.Released, releasedWithId: 7 })],
          { status: OrderStatus.Released },
          { releaseId: 7, releaseNumber: 1 },
        ),
        vials: slotVials([]),
        signer: { id: USER_ID, userGroup, username: 'someone' },
        actions: actions(overrides),
      });
    }

    it('[URS-INT-005] prints the certificate: the button waits and says "Udskriver …", then names the printer and job', async () => {
      let finish: (outcome: PrintOutcome) => void = () => undefined;
      const printCertificate = vi.fn(
        () =>
          new Promise<PrintOutcome>((resolve) => {
            finish = resolve;
          }),
      );
      renderWithI18n(
        <ActivityOrderModal {...released(UserGroup.ProductionUser, { printCertificate })} />,
      );
      await userEvent.click(button('Udskriv certifikat'));
      expect(printCertificate).toHaveBeenCalledTimes(1);
      expect(button('Udskriv certifikat').disabled).toBe(true);
      expect(screen.getByText('Udskriver …')).toBeTruthy();
      finish({ printerName: 'Kontor-1', jobId: 12, state: 'completed', completed: true });
      expect(
        await screen.findByText('Certifikatet er udskrevet på Kontor-1 (job 12).'),
      ).toBeTruthy();
      expect(button('Udskriv certifikat').disabled).toBe(false);
      expect(screen.queryByText('Udskriver …')).toBeNull();
    });

    it("[URS-INT-005] says in the api's words why the certificate was not printed", async () => {
      const printCertificate = vi
        .fn<() => Promise<PrintOutcome>>()
        .mockRejectedValueOnce(
          refusal('PRINTER_UNREACHABLE', { printer: 'Kontor-1', detail: 'ECONNREFUSED' }),
        )
        .mockRejectedValueOnce(refusal('NO_PRINTER_CHOSEN', { kind: 'document' }));
      renderWithI18n(
        <ActivityOrderModal {...released(UserGroup.ProductionUser, { printCertificate })} />,
      );
      await userEvent.click(button('Udskriv certifikat'));
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Certifikatet blev ikke udskrevet: Printeren Kontor-1 svarer ikke.',
      );
      expect(button('Udskriv certifikat').disabled).toBe(false);
      await userEvent.click(button('Udskriv certifikat'));
      expect((await screen.findByRole('alert')).textContent).toMatch(
        /Certifikatet blev ikke udskrevet: Der er ikke valgt en .+ under printerindstillingerne/,
      );
    });

    it('[URS-INT-005] offers no print before the release', () => {
      renderWithI18n(<ActivityOrderModal {...props(OrderStatus.Accepted)} />);
      expect(screen.queryByRole('button', { name: 'Udskriv certifikat' })).toBeNull();
    });

    it('[URS-REL-015] offers the delete of a released order to the site admin only', () => {
      for (const userGroup of [UserGroup.ProductionUser, UserGroup.ProductionAdmin]) {
        const { unmount } = renderWithI18n(<ActivityOrderModal {...released(userGroup)} />);
        expect(screen.queryByRole('button', { name: 'Slet ordre 7' })).toBeNull();
        unmount();
      }
      renderWithI18n(<ActivityOrderModal {...released(UserGroup.Admin)} />);
      expect(button('Slet ordre 7')).toBeTruthy();
    });

    it('[URS-REL-015][URS-PRD-006] the site admin deletes a released order with a reason: the field has focus, Enter confirms', async () => {
      const given = released(UserGroup.Admin);
      renderWithI18n(<ActivityOrderModal {...given} />);
      await userEvent.click(button('Slet ordre 7'));
      const question = screen.getByRole('dialog', { name: 'Slet ordre 7' });
      expect(within(question).getByText(/Ordre 7 er frigivet\. Skriv hvorfor/)).toBeTruthy();
      const field = within(question).getByLabelText('Begrundelse for ændringen');
      expect(document.activeElement).toBe(field);
      await userEvent.keyboard('{Enter}');
      expect(within(question).getByText(/Skriv en begrundelse \(mindst 3 tegn\)/)).toBeTruthy();
      expect(given.actions.deleteOrder).not.toHaveBeenCalled();
      await userEvent.keyboard('Bestilt to gange{Enter}');
      expect(given.actions.deleteOrder).toHaveBeenCalledWith(7, 'Bestilt to gange');
      expect(screen.queryByRole('dialog', { name: 'Slet ordre 7' })).toBeNull();
    });

    it('[URS-PRD-006] a production user deletes an ordered order after the question, without a reason; Escape takes it back', async () => {
      const given = props(OrderStatus.Ordered);
      renderWithI18n(<ActivityOrderModal {...given} />);
      await userEvent.click(button('Slet ordre 7'));
      const question = screen.getByRole('dialog', { name: 'Slet ordre 7' });
      expect(
        within(question).getByText('Vil du slette ordre 7? Det kan ikke fortrydes.'),
      ).toBeTruthy();
      expect(within(question).queryByRole('textbox')).toBeNull();
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('dialog', { name: 'Slet ordre 7' })).toBeNull();
      expect(given.actions.deleteOrder).not.toHaveBeenCalled();
      expect(given.onClose).not.toHaveBeenCalled();
      await userEvent.click(button('Slet ordre 7'));
      await userEvent.click(
        within(screen.getByRole('dialog', { name: 'Slet ordre 7' })).getByRole('button', {
          name: 'Slet ordre',
        }),
      );
      expect(given.actions.deleteOrder).toHaveBeenCalledWith(7, undefined);
    });

    it("[URS-PRD-006] asks an accepted order's reason and shows the api's refusal", async () => {
      const given = props(OrderStatus.Accepted, {
        actions: actions({ deleteOrder: vi.fn(() => Promise.reject(refusal('ORDER_RELEASED'))) }),
      });
      renderWithI18n(<ActivityOrderModal {...given} />);
      await userEvent.click(button('Slet ordre 7'));
      expect(screen.getByText(/Ordre 7 er accepteret\. Skriv hvorfor/)).toBeTruthy();
      await userEvent.keyboard('Kunden ringede{Enter}');
      expect(given.actions.deleteOrder).toHaveBeenCalledWith(7, 'Kunden ringede');
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Ordren er frigivet og kan ikke ændres.',
      );
    });
  });
});
