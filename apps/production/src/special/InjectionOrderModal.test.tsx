import { OrderStatus, TracerUsage, UserGroup } from '@tracershop/core';
import { refusal } from '@tracershop/ui';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PrintOutcome } from '../orderForms/CertificatePrint';
import { renderWithI18n } from '../testing/renderWithI18n';
import { injectionRowsOf } from './injectionRows';
import type { InjectionOrderModalProps } from './InjectionOrderModal';
import { InjectionOrderModal } from './InjectionOrderModal';
import type { InjectionOrder } from './specialApi';
import { catalogFixture, injectionOrder } from './specialFixtures';

function props(
  fields: Partial<InjectionOrder>,
  overrides: Partial<InjectionOrderModalProps> = {},
): InjectionOrderModalProps {
  const [row] = injectionRowsOf(catalogFixture(), [injectionOrder({ id: 12, ...fields })]);
  return {
    row: row!,
    today: '2026-12-02',
    timeZone: 'Europe/Copenhagen',
    mayRelease: true,
    username: 'prod-user',
    userGroup: UserGroup.ProductionUser,
    onClose: vi.fn(),
    onAccept: vi.fn(() => Promise.resolve()),
    onReject: vi.fn(() => Promise.resolve()),
    onUnreject: vi.fn(() => Promise.resolve()),
    onEdit: vi.fn(() => Promise.resolve()),
    onRelease: vi.fn(() => Promise.resolve()),
    onCorrect: vi.fn(() => Promise.resolve()),
    onDelete: vi.fn(() => Promise.resolve()),
    onPrint: vi.fn(() =>
      Promise.resolve({ printerName: 'Kontor-1', jobId: 4, state: 'completed', completed: true }),
    ),
    ...overrides,
  };
}

const button = (name: string) => screen.queryByRole('button', { name }) as HTMLButtonElement | null;

describe('InjectionOrderModal', () => {
  it('[URS-PRD-004] offers "Accepter ordre" and "Afvis" for an ordered order, and accepts', async () => {
    const given = props({ status: OrderStatus.Ordered });
    renderWithI18n(<InjectionOrderModal {...given} />);
    expect(screen.getByRole('dialog', { name: 'Injektionsordre 12' })).toBeTruthy();
    expect(button('Frigiv ordre')).toBeNull();
    expect(button('Ret ordre')).toBeNull();
    expect(screen.queryByLabelText('Lotnummer')).toBeNull();
    await userEvent.click(button('Accepter ordre')!);
    expect(given.onAccept).toHaveBeenCalled();
  });

  it('[URS-PRD-004] asks before rejecting', async () => {
    const given = props({ status: OrderStatus.Accepted });
    renderWithI18n(<InjectionOrderModal {...given} />);
    await userEvent.click(button('Afvis')!);
    expect(screen.getByText('Vil du afvise?')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tilbage' }));
    expect(given.onReject).not.toHaveBeenCalled();
    await userEvent.click(button('Afvis')!);
    const question = screen.getByRole('dialog', { name: 'Vil du afvise?' });
    await userEvent.click(within(question).getByRole('button', { name: 'Afvis' }));
    expect(given.onReject).toHaveBeenCalled();
  });

  it('[URS-REL-012][URS-VIA-006] suggests the lot from the vial tag and refuses a badly formatted lot', async () => {
    const given = props({ status: OrderStatus.Accepted });
    renderWithI18n(<InjectionOrderModal {...given} />);
    const lot = screen.getByLabelText('Lotnummer') as HTMLInputElement;
    expect(lot.value).toBe('PSMA-261202-1');
    expect((screen.getByLabelText('Maks. injektionsvolumen (ml)') as HTMLInputElement).value).toBe(
      '10',
    );
    await userEvent.clear(lot);
    await userEvent.type(lot, 'test-1111-1');
    await userEvent.click(button('Frigiv ordre')!);
    expect(screen.getByRole('alert').textContent).toContain(
      'Lotnummeret er ikke i det korrekte format',
    );
    expect(lot.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByLabelText('Kodeord')).toBeNull();
    expect(given.onRelease).not.toHaveBeenCalled();
  });

  it('[URS-REL-012][URS-REL-001] signs the release with the checked lot and volume; "Rediger ordre" goes back', async () => {
    const given = props({ status: OrderStatus.Accepted });
    renderWithI18n(<InjectionOrderModal {...given} />);
    const lot = screen.getByLabelText('Lotnummer');
    await userEvent.clear(lot);
    await userEvent.type(lot, 'test-111111-1');
    const volume = screen.getByLabelText('Maks. injektionsvolumen (ml)');
    await userEvent.clear(volume);
    await userEvent.type(volume, '7,5');
    await userEvent.click(button('Frigiv ordre')!);
    expect(screen.getByText('Frigiv ordre - 12')).toBeTruthy();
    await userEvent.click(button('Rediger ordre')!);
    expect(screen.queryByLabelText('Kodeord')).toBeNull();
    await userEvent.click(button('Frigiv ordre')!);
    await userEvent.click(screen.getAllByRole('button', { name: 'Frigiv ordre' }).at(-1)!);
    expect(screen.getByText('Dit kodeord er ikke tastet ind.')).toBeTruthy();
    expect(given.onRelease).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(screen.getAllByRole('button', { name: 'Frigiv ordre' }).at(-1)!);
    expect(given.onRelease).toHaveBeenCalledWith({
      lotNumber: 'test-111111-1',
      maxInjectionVolume: 7.5,
      password: 'hemmelig',
    });
  });

  it('[URS-REL-010] hints when the order is not for today', async () => {
    renderWithI18n(
      <InjectionOrderModal
        {...props({ status: OrderStatus.Accepted, deliveryDate: '2026-12-03' })}
      />,
    );
    await userEvent.click(button('Frigiv ordre')!);
    expect(
      screen.getByText('Du er i gang med at frigive en ordre, som ikke er bestilt til i dag!'),
    ).toBeTruthy();
  });

  it('[URS-REL-004] keeps "Frigiv ordre" disabled without a release right', () => {
    renderWithI18n(
      <InjectionOrderModal {...props({ status: OrderStatus.Accepted }, { mayRelease: false })} />,
    );
    expect(button('Frigiv ordre')!.disabled).toBe(true);
  });

  it('hints when the tracer has no vial tag', () => {
    renderWithI18n(
      <InjectionOrderModal {...props({ status: OrderStatus.Accepted, tracerId: 5 })} />,
    );
    expect((screen.getByLabelText('Lotnummer') as HTMLInputElement).value).toBe('');
    expect(
      screen.getByText(
        'Traceren har intet hætteglas-tag, så lotnummeret kan ikke udfyldes automatisk',
      ),
    ).toBeTruthy();
  });

  it('[URS-REL-014] shows the stored lot and volume of a released order and signs a correction', async () => {
    const given = props({
      status: OrderStatus.Released,
      lotNumber: 'PSMA-261202-2',
      maxInjectionVolume: 6.5,
      freedByName: 'Anna',
      freedAt: '2026-12-02T09:15:00.000Z',
    });
    renderWithI18n(<InjectionOrderModal {...given} />);
    expect(screen.getByText('PSMA-261202-2')).toBeTruthy();
    expect(screen.getByText('6,50 ml')).toBeTruthy();
    expect(screen.getByText('ANNA')).toBeTruthy();
    expect(screen.getByText('02/12/2026 10:15')).toBeTruthy();
    expect(button('Frigiv ordre')).toBeNull();
    expect(button('Afvis')).toBeNull();
    expect(screen.getByRole('link', { name: 'Frigivelsescertifikat' }).getAttribute('href')).toBe(
      '/documents/injection-release/12.pdf',
    );
    await userEvent.click(button('Ret ordre')!);
    expect(screen.getByText('Ret ordre - 12')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(screen.getAllByRole('button', { name: 'Ret ordre' }).at(-1)!);
    // A correction always says why.
    expect(given.onCorrect).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Begrundelse'), 'Forkert lot');
    await userEvent.click(screen.getAllByRole('button', { name: 'Ret ordre' }).at(-1)!);
    expect(given.onCorrect).toHaveBeenCalledWith('hemmelig', 'Forkert lot');
  });

  describe('printing and deleting', () => {
    const released = { status: OrderStatus.Released, lotNumber: 'PSMA-261202-2' };

    it('[URS-INT-005] prints the release document of a released order and names the printer and job', async () => {
      let finish: (outcome: PrintOutcome) => void = () => undefined;
      const onPrint = vi.fn(
        () =>
          new Promise<PrintOutcome>((resolve) => {
            finish = resolve;
          }),
      );
      renderWithI18n(<InjectionOrderModal {...props(released, { onPrint })} />);
      await userEvent.click(button('Udskriv certifikat')!);
      expect(button('Udskriv certifikat')!.disabled).toBe(true);
      expect(screen.getByText('Udskriver …')).toBeTruthy();
      finish({ printerName: 'Kontor-1', jobId: 4, state: 'processing', completed: false });
      expect(
        await screen.findByText(
          'Certifikatet er sendt til Kontor-1 (job 4, status processing); printeren var ikke færdig endnu.',
        ),
      ).toBeTruthy();
      expect(button('Udskriv certifikat')!.disabled).toBe(false);
    });

    it('[URS-INT-005] says why the printer did not print', async () => {
      const onPrint = vi.fn(() =>
        Promise.reject(refusal('PRINT_ABORTED', { printer: 'Kontor-1', detail: 'aborted' })),
      );
      renderWithI18n(<InjectionOrderModal {...props(released, { onPrint })} />);
      await userEvent.click(button('Udskriv certifikat')!);
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Certifikatet blev ikke udskrevet: Udskriften på printeren Kontor-1 blev afbrudt (aborted).',
      );
    });

    it('[URS-INT-005] offers no print of an order not released', () => {
      renderWithI18n(<InjectionOrderModal {...props({ status: OrderStatus.Accepted })} />);
      expect(button('Udskriv certifikat')).toBeNull();
    });

    it('[URS-REL-015] offers a production user no delete of a released order, the site admin one with a reason', async () => {
      const { unmount } = renderWithI18n(<InjectionOrderModal {...props(released)} />);
      expect(button('Slet ordre')).toBeNull();
      unmount();
      const given = props(released, { userGroup: UserGroup.Admin });
      renderWithI18n(<InjectionOrderModal {...given} />);
      await userEvent.click(button('Slet ordre')!);
      const question = screen.getByRole('dialog', { name: 'Slet ordre 12' });
      expect(document.activeElement).toBe(
        within(question).getByLabelText('Begrundelse for ændringen'),
      );
      await userEvent.keyboard('Fejlbestilling{Enter}');
      expect(given.onDelete).toHaveBeenCalledWith('Fejlbestilling');
    });

    it('[URS-PRD-006] deletes an ordered order after the question, without a reason', async () => {
      const given = props({ status: OrderStatus.Ordered });
      renderWithI18n(<InjectionOrderModal {...given} />);
      await userEvent.click(button('Slet ordre')!);
      const question = screen.getByRole('dialog', { name: 'Slet ordre 12' });
      expect(within(question).queryByRole('textbox')).toBeNull();
      await userEvent.keyboard('{Enter}');
      expect(given.onDelete).toHaveBeenCalledWith(undefined);
    });
  });

  describe('"Ændr ordre" (production\'s edit)', () => {
    const form = () => screen.getByRole('form', { name: 'Ændr ordre 12' });
    const field = (label: string) => within(form()).getByLabelText(label) as HTMLInputElement;
    const saveButton = () => within(form()).getByRole('button', { name: 'Gem ændringer' });

    it("[URS-PRD-006] changes an ordered order's figures without a reason, sending only what changed", async () => {
      const given = props({ status: OrderStatus.Ordered });
      renderWithI18n(<InjectionOrderModal {...given} />);
      await userEvent.click(button('Ændr ordre')!);
      // The form starts on its first field, filled with the order's figures.
      expect(document.activeElement).toBe(field('Injektioner'));
      expect(field('Injektioner').value).toBe('2');
      expect(field('Leveringstid').value).toBe('10:30');
      expect(within(form()).queryByLabelText('Begrundelse for ændringen')).toBeNull();
      // While the form is open, the order's other actions wait.
      expect(button('Accepter ordre')).toBeNull();
      expect(button('Afvis')).toBeNull();
      await userEvent.clear(field('Injektioner'));
      await userEvent.type(field('Injektioner'), '3');
      await userEvent.clear(field('Leveringstid'));
      await userEvent.type(field('Leveringstid'), '11:15');
      await userEvent.selectOptions(field('Brug'), 'Dyr');
      await userEvent.type(field('Kommentar'), 'Ring først{Enter}');
      expect(given.onEdit).toHaveBeenCalledTimes(1);
      expect(given.onEdit).toHaveBeenCalledWith({
        id: 12,
        injections: 3,
        deliveryTime: '11:15:00',
        tracerUsage: TracerUsage.Animal,
        comment: 'Ring først',
      });
      // Saved: the form closes and the keyboard goes on from "Ændr ordre".
      expect(screen.queryByRole('form', { name: 'Ændr ordre 12' })).toBeNull();
      expect(document.activeElement).toBe(button('Ændr ordre'));
    });

    it('[URS-PRD-006] asks the reason of a change of an accepted order before sending it', async () => {
      const given = props({ status: OrderStatus.Accepted, comment: 'Gammel' });
      renderWithI18n(<InjectionOrderModal {...given} />);
      await userEvent.click(button('Ændr ordre')!);
      // The release fields give way to the form.
      expect(screen.queryByLabelText('Lotnummer')).toBeNull();
      await userEvent.clear(field('Injektioner'));
      await userEvent.type(field('Injektioner'), '4');
      await userEvent.clear(field('Kommentar'));
      await userEvent.click(saveButton());
      expect(given.onEdit).not.toHaveBeenCalled();
      expect(
        within(form()).getByText(
          'Skriv en begrundelse (mindst 3 tegn); den gemmes i revisionssporet.',
        ),
      ).toBeTruthy();
      await userEvent.type(field('Begrundelse for ændringen'), 'Ekstra patient{Enter}');
      expect(given.onEdit).toHaveBeenCalledWith({
        id: 12,
        injections: 4,
        comment: null,
        reason: 'Ekstra patient',
      });
    });

    it("shows the schema's refusal beside the field and sends nothing", async () => {
      const given = props({ status: OrderStatus.Accepted });
      renderWithI18n(<InjectionOrderModal {...given} />);
      await userEvent.click(button('Ændr ordre')!);
      await userEvent.clear(field('Leveringstid'));
      await userEvent.type(field('Leveringstid'), '25:00');
      await userEvent.clear(field('Injektioner'));
      await userEvent.type(field('Injektioner'), '0');
      await userEvent.type(field('Begrundelse for ændringen'), 'Ekstra patient');
      await userEvent.click(saveButton());
      expect(field('Leveringstid').getAttribute('aria-invalid')).toBe('true');
      expect(
        within(form()).getByText('Leveringstid er ikke formateret som et tidspunkt'),
      ).toBeTruthy();
      expect(field('Injektioner').getAttribute('aria-invalid')).toBe('true');
      expect(within(form()).getByText('Injektioner kan ikke være nul')).toBeTruthy();
      expect(given.onEdit).not.toHaveBeenCalled();
    });

    it('asks for the override reason when the api refuses a figure above the limit, and shows other refusals', async () => {
      const onEdit = vi
        .fn()
        .mockRejectedValueOnce(
          refusal('LIMIT_INJECTIONS_PER_ORDER', { tracer: 'Ga-PSMA', max: 8, value: 12 }),
        )
        .mockRejectedValueOnce(refusal('ORDER_RELEASED'))
        .mockResolvedValue({});
      const given = props({ status: OrderStatus.Ordered }, { onEdit });
      renderWithI18n(<InjectionOrderModal {...given} />);
      await userEvent.click(button('Ændr ordre')!);
      await userEvent.clear(field('Injektioner'));
      await userEvent.type(field('Injektioner'), '12{Enter}');
      expect(
        await within(form()).findByText(
          'Ga-PSMA kan højst bestilles med 8 injektioner pr. ordre; ordren er på 12.',
        ),
      ).toBeTruthy();
      await userEvent.type(field('Begrundelse for at overskride grænsen'), 'Aftalt med lægen');
      await userEvent.click(saveButton());
      expect(onEdit).toHaveBeenLastCalledWith({
        id: 12,
        injections: 12,
        limitOverride: { reason: 'Aftalt med lægen' },
      });
      expect(
        await within(form()).findByText('Ordren er frigivet og kan ikke ændres.'),
      ).toBeTruthy();
    });

    it('leaves the form with Escape, keeping the modal open', async () => {
      const given = props({ status: OrderStatus.Ordered });
      renderWithI18n(<InjectionOrderModal {...given} />);
      await userEvent.click(button('Ændr ordre')!);
      await userEvent.type(field('Injektioner'), '5');
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('form', { name: 'Ændr ordre 12' })).toBeNull();
      expect(given.onClose).not.toHaveBeenCalled();
      expect(given.onEdit).not.toHaveBeenCalled();
      expect(document.activeElement).toBe(button('Ændr ordre'));
    });

    it('[URS-ORD-005] is not offered for a released or a rejected order', () => {
      const { unmount } = renderWithI18n(
        <InjectionOrderModal {...props({ status: OrderStatus.Released, lotNumber: 'X' })} />,
      );
      expect(button('Ændr ordre')).toBeNull();
      unmount();
      renderWithI18n(<InjectionOrderModal {...props({ status: OrderStatus.Rejected })} />);
      expect(button('Ændr ordre')).toBeNull();
    });
  });
});
