import { OrderStatus, UserGroup } from '@tracershop/core';
import { refusal } from '@tracershop/ui';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { isotopeOrder } from '../special/specialFixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { IsotopeVial } from './isotopeApi';
import { isotopeCard, isotopeVial } from './isotopeFixtures';
import type { IsotopeOrderModalProps } from './IsotopeOrderModal';
import { IsotopeOrderModal } from './IsotopeOrderModal';

function props(
  status: OrderStatus,
  vials: IsotopeVial[] = [isotopeVial({ id: 7 }), isotopeVial({ id: 8 })],
  overrides: Partial<IsotopeOrderModalProps> = {},
): IsotopeOrderModalProps {
  return {
    card: isotopeCard(
      [isotopeOrder({ id: 1, status }), isotopeOrder({ id: 2, status, orderedActivity: 250 })],
      vials,
    ),
    isotopeName: 'Ga-68',
    date: '2026-12-02',
    today: '2026-12-02',
    timeZone: 'Europe/Copenhagen',
    vials,
    mayRelease: true,
    username: 'prod-user',
    userGroup: UserGroup.ProductionUser,
    onClose: vi.fn(),
    onAccept: vi.fn(() => Promise.resolve()),
    onReject: vi.fn(() => Promise.resolve()),
    onUnreject: vi.fn(() => Promise.resolve()),
    onRelease: vi.fn(() => Promise.resolve()),
    onCorrect: vi.fn(() => Promise.resolve()),
    onCreateVial: vi.fn(() => Promise.resolve({ id: 9 })),
    onEditVial: vi.fn(() => Promise.resolve()),
    onDeleteVial: vi.fn(() => Promise.resolve()),
    onDelete: vi.fn(() => Promise.resolve()),
    onPrint: vi.fn(() =>
      Promise.resolve({ printerName: 'Kontor-1', jobId: 8, state: 'completed', completed: true }),
    ),
    ...overrides,
  };
}

const button = (name: string) => screen.queryByRole('button', { name }) as HTMLButtonElement | null;
const footerButtons = () =>
  within(screen.getByRole('dialog', { name: 'Isotopordre til: RH - PET1 - 02/12/2026' }))
    .getAllByRole('button')
    .map((element) => element.textContent);

describe('IsotopeOrderModal', () => {
  it('[URS-PRD-004] shows the delivery and accepts ordered orders', async () => {
    const given = props(OrderStatus.Ordered);
    renderWithI18n(<IsotopeOrderModal {...given} />);
    expect(screen.getByText('750 MBq')).toBeTruthy();
    expect(button('Frigiv')).toBeNull();
    expect(
      (screen.getByRole('checkbox', { name: 'Vælg hætteglas GA-261202-7' }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
    await userEvent.click(button('Accepter')!);
    expect(given.onAccept).toHaveBeenCalledWith([1, 2]);
  });

  it('[URS-REL-013] releases the accepted orders with the chosen vials after signing', async () => {
    const given = props(OrderStatus.Accepted);
    renderWithI18n(<IsotopeOrderModal {...given} />);
    expect(button('Frigiv')!.disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vælg hætteglas GA-261202-8' }));
    expect(button('Frigiv')!.disabled).toBe(false);
    await userEvent.click(button('Frigiv')!);
    expect(screen.getByText('Frigiv ordre - 1, 2')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(screen.getByRole('button', { name: 'Frigiv' }));
    expect(given.onRelease).toHaveBeenCalledWith({
      orderIds: [1, 2],
      isotopeVialIds: [8],
      password: 'hemmelig',
    });
  });

  it('[URS-REL-004] keeps "Frigiv" disabled without a release right', async () => {
    renderWithI18n(
      <IsotopeOrderModal {...props(OrderStatus.Accepted, undefined, { mayRelease: false })} />,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: 'Vælg hætteglas GA-261202-8' }));
    expect(button('Frigiv')!.disabled).toBe(true);
  });

  it('[URS-VIA-009] adds a vial by hand on the delivery day', async () => {
    const given = props(OrderStatus.Accepted, []);
    renderWithI18n(<IsotopeOrderModal {...given} />);
    expect(screen.getByText('Der er ingen hætteglas af isotopen denne dag.')).toBeTruthy();
    await userEvent.click(button('Nyt hætteglas')!);
    await userEvent.type(screen.getByLabelText('Batchnr.'), 'ga-261202-3');
    await userEvent.type(screen.getByLabelText('Dispenseret kl.'), '08:15');
    await userEvent.type(screen.getByLabelText('Volumen (ml)'), '2,5');
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), '900');
    await userEvent.click(button('Gem hætteglas')!);
    expect(given.onCreateVial).toHaveBeenCalledWith({
      batchNumber: 'ga-261202-3',
      calibratedAt: '2026-12-02T07:15:00Z',
      volume: 2.5,
      activity: 900,
    });
  });

  it('[URS-VIA-009][URS-PRD-006] edits a vial with the reason of the change', async () => {
    const given = props(OrderStatus.Accepted);
    renderWithI18n(<IsotopeOrderModal {...given} />);
    await userEvent.click(button('Rediger GA-261202-8')!);
    const activity = screen.getByLabelText('Aktivitet (MBq)');
    await userEvent.clear(activity);
    await userEvent.type(activity, '850');
    await userEvent.click(button('Gem hætteglas')!);
    expect(given.onEditVial).not.toHaveBeenCalled();
    expect(
      screen.getByText('Skriv en begrundelse (mindst 3 tegn); den gemmes i revisionssporet.'),
    ).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Begrundelse for ændringen'), 'Målt igen');
    await userEvent.click(button('Gem hætteglas')!);
    expect(given.onEditVial).toHaveBeenCalledWith(
      8,
      expect.objectContaining({ batchNumber: 'GA-261202-8', activity: 850 }),
      'Målt igen',
    );
  });

  it('[URS-VIA-009] refuses a vial with a bad batch number', async () => {
    const given = props(OrderStatus.Accepted, []);
    renderWithI18n(<IsotopeOrderModal {...given} />);
    await userEvent.click(button('Nyt hætteglas')!);
    await userEvent.type(screen.getByLabelText('Batchnr.'), 'ga');
    await userEvent.type(screen.getByLabelText('Dispenseret kl.'), '08:15');
    await userEvent.type(screen.getByLabelText('Volumen (ml)'), '2,5');
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), '900');
    await userEvent.click(button('Gem hætteglas')!);
    expect(screen.getAllByText('Batch nummer er ikke formateret korrekt').length).toBeGreaterThan(
      0,
    );
    expect(given.onCreateVial).not.toHaveBeenCalled();
  });

  it('[URS-REL-014][URS-DOC-002] offers "Ret ordre" and the certificate for released orders', async () => {
    const vials = [isotopeVial({ id: 7, deliveredWithId: 1 })];
    const given = props(OrderStatus.Released, vials);
    renderWithI18n(<IsotopeOrderModal {...given} />);
    expect(footerButtons()).toEqual(['Luk', 'Ret ordre', 'Udskriv certifikat']);
    expect(screen.getByRole('link', { name: 'Frigivelsescertifikat' }).getAttribute('href')).toBe(
      '/documents/isotope-release/40/2026-12-02.pdf',
    );
    await userEvent.click(button('Ret ordre')!);
    await userEvent.type(screen.getByLabelText('Begrundelse'), 'Forkert batch');
    await userEvent.type(screen.getByLabelText('Kodeord'), 'hemmelig');
    await userEvent.click(screen.getByRole('button', { name: 'Ret ordre' }));
    expect(given.onCorrect).toHaveBeenCalledWith({
      orderIds: [1, 2],
      password: 'hemmelig',
      reason: 'Forkert batch',
    });
  });

  it('[URS-PRD-004] un-rejects rejected orders', async () => {
    const given = props(OrderStatus.Rejected);
    renderWithI18n(<IsotopeOrderModal {...given} />);
    await userEvent.click(button('Fortryd afvisning')!);
    expect(given.onUnreject).toHaveBeenCalledWith([1, 2]);
  });

  describe('printing and deleting', () => {
    const releasedVials = [isotopeVial({ id: 7, deliveredWithId: 1 })];

    it('[URS-INT-005] prints the release document of the released orders and names the printer and job', async () => {
      const given = props(OrderStatus.Released, releasedVials);
      renderWithI18n(<IsotopeOrderModal {...given} />);
      await userEvent.click(button('Udskriv certifikat')!);
      expect(given.onPrint).toHaveBeenCalledTimes(1);
      expect(
        await screen.findByText('Certifikatet er udskrevet på Kontor-1 (job 8).'),
      ).toBeTruthy();
    });

    it('[URS-REL-015] offers a production user the delete of an accepted order but not of a released one', () => {
      const { unmount } = renderWithI18n(
        <IsotopeOrderModal {...props(OrderStatus.Released, releasedVials)} />,
      );
      expect(button('Slet ordre 1')).toBeNull();
      expect(button('Slet ordre 2')).toBeNull();
      unmount();
      renderWithI18n(<IsotopeOrderModal {...props(OrderStatus.Accepted)} />);
      expect(button('Slet ordre 1')).toBeTruthy();
      expect(button('Slet ordre 2')).toBeTruthy();
    });

    it('[URS-REL-015][URS-PRD-006] the site admin deletes one released order with a reason', async () => {
      const given = props(OrderStatus.Released, releasedVials, { userGroup: UserGroup.Admin });
      renderWithI18n(<IsotopeOrderModal {...given} />);
      await userEvent.click(button('Slet ordre 2')!);
      const question = screen.getByRole('dialog', { name: 'Slet ordre 2' });
      await userEvent.click(within(question).getByRole('button', { name: 'Slet ordre' }));
      expect(given.onDelete).not.toHaveBeenCalled();
      await userEvent.type(
        within(question).getByLabelText('Begrundelse for ændringen'),
        'Dobbelt bestilt',
      );
      await userEvent.click(within(question).getByRole('button', { name: 'Slet ordre' }));
      expect(given.onDelete).toHaveBeenCalledWith(2, 'Dobbelt bestilt');
    });
  });

  describe('deleting a vial', () => {
    it('[URS-VIA-009] deletes a vial not delivered after the question, by keyboard', async () => {
      const given = props(OrderStatus.Accepted);
      renderWithI18n(<IsotopeOrderModal {...given} />);
      await userEvent.click(button('Slet GA-261202-8')!);
      const question = screen.getByRole('dialog', { name: 'Slet hætteglas GA-261202-8?' });
      expect(
        within(question).getByText('Hætteglasset GA-261202-8 slettes. Det kan ikke fortrydes.'),
      ).toBeTruthy();
      // The api wants no reason for it.
      expect(within(question).queryByRole('textbox')).toBeNull();
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('dialog', { name: 'Slet hætteglas GA-261202-8?' })).toBeNull();
      expect(given.onClose).not.toHaveBeenCalled();
      expect(given.onDeleteVial).not.toHaveBeenCalled();
      await userEvent.click(button('Slet GA-261202-8')!);
      expect(document.activeElement).toBe(
        within(screen.getByRole('dialog', { name: 'Slet hætteglas GA-261202-8?' })).getByRole(
          'button',
          { name: 'Slet' },
        ),
      );
      await userEvent.keyboard('{Enter}');
      expect(given.onDeleteVial).toHaveBeenCalledTimes(1);
      expect(given.onDeleteVial).toHaveBeenCalledWith(8);
    });

    it('[URS-VIA-009] offers no delete of a delivered vial, nor of a chosen one', async () => {
      const vials = [isotopeVial({ id: 7, deliveredWithId: 1 }), isotopeVial({ id: 8 })];
      renderWithI18n(<IsotopeOrderModal {...props(OrderStatus.Accepted, vials)} />);
      expect(button('Slet GA-261202-7')).toBeNull();
      expect(button('Slet GA-261202-8')).toBeTruthy();
      await userEvent.click(screen.getByRole('checkbox', { name: 'Vælg hætteglas GA-261202-8' }));
      expect(button('Slet GA-261202-8')).toBeNull();
    });

    it('[URS-VIA-009] says in words why the api refused the delete', async () => {
      const onDeleteVial = vi.fn(() => Promise.reject(refusal('VIAL_ASSIGNED')));
      renderWithI18n(
        <IsotopeOrderModal {...props(OrderStatus.Accepted, undefined, { onDeleteVial })} />,
      );
      await userEvent.click(button('Slet GA-261202-7')!);
      const question = screen.getByRole('dialog', { name: 'Slet hætteglas GA-261202-7?' });
      await userEvent.click(within(question).getByRole('button', { name: 'Slet' }));
      expect(onDeleteVial).toHaveBeenCalledWith(7);
      expect(
        await screen.findByText(
          'Hætteglasset GA-261202-7 blev ikke slettet: Hætteglasset er tildelt en ordre og kan ikke ændres.',
        ),
      ).toBeTruthy();
    });
  });
});
