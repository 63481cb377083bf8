import { refusal } from '@tracershop/ui';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { productionCatalog } from '../testing/fixtures';
import { renderWithI18n } from '../testing/renderWithI18n';
import type { CreateActivityOrderModalProps } from './CreateActivityOrderModal';
import { CreateActivityOrderModal } from './CreateActivityOrderModal';

function props(overrides: Partial<CreateActivityOrderModalProps> = {}) {
  return {
    catalog: productionCatalog(),
    tracer: { id: 1, shortname: 'FDG', halflifeSeconds: 6586.2 },
    date: '2026-12-02',
    timeZone: 'Europe/Copenhagen',
    onClose: vi.fn(),
    create: vi.fn(() => Promise.resolve({})),
    ...overrides,
  } satisfies CreateActivityOrderModalProps;
}

/** The api's refusal of a figure above the tracer's limit. */
function limitRefusal() {
  return refusal('LIMIT_ACTIVITY_PER_ORDER', {
    tracer: 'FDG',
    max: '50\u00a0000\u00a0MBq',
    value: '60\u00a0000\u00a0MBq',
  });
}

const submit = () => screen.getByRole('button', { name: 'Opret ordre' }) as HTMLButtonElement;

describe('CreateActivityOrderModal', () => {
  it('[URS-ORD-016] cascades destination and time, and creates the order in the chosen slot', async () => {
    const given = props();
    renderWithI18n(<CreateActivityOrderModal {...given} />);
    expect(submit().disabled).toBe(true);
    await userEvent.selectOptions(screen.getByLabelText('Destination'), 'PET2');
    expect(
      Array.from(
        (screen.getByLabelText('Leveringstid') as HTMLSelectElement).options,
        (o) => o.text,
      ),
    ).toEqual(['10:00']);
    await userEvent.selectOptions(screen.getByLabelText('Destination'), 'PET1');
    await userEvent.selectOptions(screen.getByLabelText('Leveringstid'), '09:30');
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), '300{Enter}');
    expect(given.create).toHaveBeenCalledWith({
      orderedTimeSlotId: 1,
      deliveryDate: '2026-12-02',
      orderedActivity: 300,
      clientKey: expect.any(String) as string,
    });
    expect(given.onClose).toHaveBeenCalled();
  });

  it("[URS-ORD-019] shows the chosen destination's waiting bookings", async () => {
    const renderBookings = vi.fn((endpointId: number) => <p>bookinger for {endpointId}</p>);
    renderWithI18n(<CreateActivityOrderModal {...props({ renderBookings })} />);
    const first = renderBookings.mock.calls.at(-1)?.[0];
    expect(screen.getByText(`bookinger for ${first}`)).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Destination'), 'PET2');
    const second = renderBookings.mock.calls.at(-1)?.[0];
    expect(second).not.toBe(first);
    expect(screen.getByText(`bookinger for ${second}`)).toBeTruthy();
  });

  it('[URS-DAT-007] refuses an activity that is not a number, keeping the text', async () => {
    const given = props();
    renderWithI18n(<CreateActivityOrderModal {...given} />);
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), 'a300');
    await userEvent.click(submit());
    expect(screen.getByText('Aktivitet er ikke et tal')).toBeTruthy();
    expect((screen.getByLabelText('Aktivitet (MBq)') as HTMLInputElement).value).toBe('a300');
    expect(given.create).not.toHaveBeenCalled();
  });

  it("[URS-DAT-006] shows the api's refusal and keeps the modal open", async () => {
    const given = props({
      create: vi.fn(() => Promise.reject(new Error('Ordren kan ikke oprettes.'))),
    });
    renderWithI18n(<CreateActivityOrderModal {...given} />);
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), '300');
    await userEvent.click(submit());
    expect(await screen.findByText(/Ordren kan ikke oprettes/)).toBeTruthy();
    expect(given.onClose).not.toHaveBeenCalled();
  });

  it('[URS-ORD-012] fills Aktivitet from the dose calculator', async () => {
    renderWithI18n(<CreateActivityOrderModal {...props()} />);
    // The reference is the chosen slot (08:00); the default 300 MBq wanted at 08:00.
    await userEvent.click(screen.getByRole('button', { name: 'Dosislommeregner' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Tidspunkt' }), '08:00');
    await userEvent.type(screen.getByRole('textbox', { name: 'Aktivitet (MBq)' }), '{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Udregn' }));
    expect((screen.getByLabelText('Aktivitet (MBq)') as HTMLInputElement).value).toBe('300,00');
  });

  it('[URS-ORD-009] shows a limit refusal in words and sends again only with a reason, which goes along', async () => {
    const create = vi.fn().mockRejectedValueOnce(limitRefusal()).mockResolvedValueOnce({});
    const given = props({ create });
    renderWithI18n(<CreateActivityOrderModal {...given} />);
    await userEvent.type(screen.getByLabelText('Aktivitet (MBq)'), '60000{Enter}');
    expect(await screen.findByText(/kan højst bestilles med 50 000 MBq pr. ordre/)).toBeTruthy();
    expect(given.onClose).not.toHaveBeenCalled();
    // Without a reason nothing is sent again.
    await userEvent.click(submit());
    expect(create).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/Skriv en begrundelse/)).toBeTruthy();
    await userEvent.type(
      screen.getByLabelText('Begrundelse for at overskride grænsen'),
      'To scannere i dag',
    );
    await userEvent.click(submit());
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1]?.[0]).toMatchObject({
      orderedActivity: 60_000,
      limitOverride: { reason: 'To scannere i dag' },
    });
    expect(given.onClose).toHaveBeenCalled();
  });
});
