import { calculateActivity, formatActivity } from '@tracershop/core';
import { describedText } from '../testing/fieldMessages';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { DoseCalculator } from './DoseCalculator';

// The legacy calculator test (docs/domain.md).
const REFERENCE = '2012-06-12 08:15:30';
const HALFLIFE = 6543;

function renderCalculator(onCommit = vi.fn(), referenceTime = REFERENCE) {
  renderWithI18n(
    <DoseCalculator
      referenceTime={referenceTime}
      halflifeSeconds={HALFLIFE}
      tracerName="FDG"
      onCommit={onCommit}
    />,
  );
  return onCommit;
}

function timeField(): HTMLInputElement {
  return screen.getByRole('textbox', { name: 'Tidspunkt' });
}

function activityField(): HTMLInputElement {
  return screen.getByRole('textbox', { name: 'Aktivitet (MBq)' });
}

function total(): string {
  return screen.getByTestId('calculator-total').textContent ?? '';
}

async function addLine(time: string, activity?: string) {
  await userEvent.type(timeField(), time);
  if (activity !== undefined) {
    await userEvent.clear(activityField());
    await userEvent.type(activityField(), activity);
  }
  await userEvent.type(activityField(), '{Enter}');
}

describe('DoseCalculator', () => {
  it('[URS-ORD-012] shows the reference time, the half-life and an empty total', () => {
    renderCalculator();
    expect(screen.getByRole('region', { name: 'Dosislommeregner' })).toBeTruthy();
    expect(screen.getByText('12/06/2012 08:15:30')).toBeTruthy();
    expect(screen.getByText('6543 s')).toBeTruthy();
    expect(screen.getByText('FDG')).toBeTruthy();
    expect(total()).toBe(formatActivity(0));
    expect(activityField().value).toBe('300');
  });

  it('[URS-ORD-012] sums the decay-corrected lines as core does, shows it floored and commits it unfloored', async () => {
    const onCommit = renderCalculator();
    await addLine('0915', '10000');
    await addLine('1015', '20000');
    const expected = calculateActivity({
      referenceTime: REFERENCE,
      halflifeSeconds: HALFLIFE,
      entries: [
        { time: '09:15:00', activity: 10000 },
        { time: '10:15:00', activity: 20000 },
      ],
    });
    // Core counts real seconds (3570 s, 7170 s), not the legacy floored minutes (→ 57 526,15).
    expect(expected).toBeCloseTo(57343.619, 2);
    expect(total()).toBe(formatActivity(expected));
    expect(total()).toBe(formatActivity(expected));
    expect(screen.getAllByRole('row').map((row) => row.textContent)).toContain('09:1510000✕');
    // Enter with an empty time field commits.
    await userEvent.type(timeField(), '{Enter}');
    expect(onCommit).toHaveBeenCalledWith(expected);
  });

  it('[URS-ORD-012] adds with the button and starts the next line with 300 MBq', async () => {
    renderCalculator();
    await userEvent.type(timeField(), '09:15');
    await userEvent.click(screen.getByRole('button', { name: 'Tilføj' }));
    expect(timeField().value).toBe('');
    expect(activityField().value).toBe('300');
    expect(document.activeElement).toBe(timeField());
    expect(total()).toBe(
      formatActivity(
        calculateActivity({
          referenceTime: REFERENCE,
          halflifeSeconds: HALFLIFE,
          entries: [{ time: '09:15:00', activity: 300 }],
        }),
      ),
    );
  });

  it.each(['01:15', '08:15'])(
    '[URS-ORD-012] refuses %s, before the reference time',
    async (time) => {
      const onCommit = renderCalculator();
      await addLine(time);
      expect(screen.getByRole('alert').textContent).toBe(
        'Fejl: Tidspunktet er før produktionstidspunktet',
      );
      expect(timeField().getAttribute('aria-invalid')).toBe('true');
      expect(describedText(timeField())).toBe('Tidspunktet er før produktionstidspunktet');
      expect(total()).toBe(formatActivity(0));
      expect(onCommit).not.toHaveBeenCalled();
    },
  );

  it('[URS-ORD-012] refuses an unreadable time with core’s message', async () => {
    renderCalculator();
    await addLine('9x');
    expect(describedText(timeField())).toBe('Tidspunkt er ikke formateret som et tidspunkt');
  });

  it.each([
    ['helloworld', 'Aktivitet er ikke et tal'],
    ['0', 'Aktivitet kan ikke være nul'],
    ['-10000', 'Aktivitet kan ikke være negativ'],
  ])('refuses the activity %s: "%s"', async (activity, message) => {
    renderCalculator();
    await addLine('09:15', activity);
    expect(describedText(activityField())).toBe(message);
    expect(screen.getByRole('textbox', { description: message })).toBe(activityField());
    expect(screen.getByRole('alert').textContent).toBe(`Fejl: ${message}`);
    expect(total()).toBe(formatActivity(0));
  });

  it('[URS-ORD-012] removes a line', async () => {
    renderCalculator();
    await addLine('09:15', '10000');
    await addLine('10:15', '20000');
    await userEvent.click(screen.getByRole('button', { name: 'Fjern 10:15' }));
    expect(screen.queryByRole('button', { name: 'Fjern 10:15' })).toBeNull();
    expect(total()).toBe(
      formatActivity(
        calculateActivity({
          referenceTime: REFERENCE,
          halflifeSeconds: HALFLIFE,
          entries: [{ time: '09:15:00', activity: 10000 }],
        }),
      ),
    );
  });

  it('[URS-ORD-012] gives back exactly the activity wanted at the delivery time itself (shop scenario)', async () => {
    const onCommit = renderCalculator(vi.fn(), '2020-05-12 08:15:00');
    await addLine('08:15', '5000');
    await userEvent.click(screen.getByRole('button', { name: 'Udregn' }));
    expect(onCommit).toHaveBeenCalledWith(5000);
  });

  it('[URS-ORD-012] goes back without a result', async () => {
    const onCancel = vi.fn();
    const onCommit = vi.fn();
    renderWithI18n(
      <DoseCalculator
        referenceTime={REFERENCE}
        halflifeSeconds={HALFLIFE}
        onCommit={onCommit}
        onCancel={onCancel}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Tilbage' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onCommit).not.toHaveBeenCalled();
  });
});
