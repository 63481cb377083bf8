import { screen, within } from '@testing-library/react';
import { describedText } from '@tracershop/ui';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeSetupClient, testCatalog } from '../testing/fakeSetupClient';
import { renderWithApi } from '../testing/renderWithApi';
import DeadlinesPage from './DeadlinesPage';

async function row(name: string) {
  return within(await screen.findByRole('row', { name }));
}

describe('Deadlines', () => {
  it('[URS-DLN-004] locks the global deadlines and makes another one global at once', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<DeadlinesPage />, client);
    const first = await row('Deadline 1');
    const global = first.getByLabelText('Globale deadlines') as HTMLSelectElement;
    expect(global.value).toBe('activity');
    expect(global.disabled).toBe(true);
    expect(first.queryByRole('button', { name: 'Slet' })).toBeNull();

    const third = await row('Deadline 3');
    await userEvent.selectOptions(third.getByLabelText('Globale deadlines'), 'Aktivitetsdeadline');
    expect(client.setup.deadlines.edit.mutate).toHaveBeenCalledWith({
      id: 3,
      appliesTo: 'activity',
    });
  });

  it('[URS-DLN-004] saves a deadline changed to weekly with its day', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<DeadlinesPage />, client);
    const third = await row('Deadline 3');
    expect(third.getByText('--------------')).toBeTruthy();
    expect(third.queryByRole('button', { name: 'Gem' })).toBeNull();
    await userEvent.selectOptions(third.getByLabelText('Deadlinetype'), 'Ugentlig deadline');
    await userEvent.selectOptions(third.getByLabelText('Dag'), 'Onsdag');
    await userEvent.click(third.getByRole('button', { name: 'Gem' }));
    expect(client.setup.deadlines.edit.mutate).toHaveBeenCalledWith({
      id: 3,
      deadlineType: 1,
      deadlineTime: '10:00:00',
      weekday: 2,
    });
  });

  it('[URS-DAT-007] types times with colons and refuses a time that is no time', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<DeadlinesPage />, client);
    const third = await row('Deadline 3');
    const time = third.getByLabelText('Tidspunkt') as HTMLInputElement;
    await userEvent.clear(time);
    await userEvent.type(time, '123');
    expect(time.value).toBe('12:3');
    await userEvent.clear(time);
    await userEvent.type(time, '12:aa:00');
    await userEvent.click(third.getByRole('button', { name: 'Gem' }));
    expect(describedText(time)).toBe('Deadlinetidspunktet er ikke formateret som et tidspunkt');
    expect(client.setup.deadlines.edit.mutate).not.toHaveBeenCalled();
    await userEvent.clear(time);
    await userEvent.type(time, '12:30:00{Enter}');
    expect(client.setup.deadlines.edit.mutate).toHaveBeenCalledWith({
      id: 3,
      deadlineType: 0,
      deadlineTime: '12:30:00',
      weekday: null,
    });
  });

  it('[URS-DLN-004] creates daily and weekly deadlines from the blank row', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<DeadlinesPage />, client);
    const blank = await row('Ny deadline');
    await userEvent.selectOptions(blank.getByLabelText('Deadlinetype'), 'Ugentlig deadline');
    await userEvent.selectOptions(blank.getByLabelText('Dag'), 'Fredag');
    await userEvent.type(blank.getByLabelText('Tidspunkt'), '0800');
    await userEvent.click(blank.getByRole('button', { name: 'Opret' }));
    expect(client.setup.deadlines.create.mutate).toHaveBeenCalledWith({
      deadlineType: 1,
      deadlineTime: '08:00:00',
      weekday: 4,
    });
  });

  it('[URS-DLN-004] deletes a deadline that is not global', async () => {
    const client = fakeSetupClient(testCatalog());
    renderWithApi(<DeadlinesPage />, client);
    const third = await row('Deadline 3');
    await userEvent.click(third.getByRole('button', { name: 'Slet' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    expect(client.setup.deadlines.delete.mutate).toHaveBeenCalledWith({ id: 3 });
  });
});
