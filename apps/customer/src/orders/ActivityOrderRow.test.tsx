import { OrderStatus } from '@tracershop/core';
import { describedText } from '@tracershop/ui';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { ActivityOrderRow } from './ActivityOrderRow';

const ordered = { id: 5, status: OrderStatus.Ordered, orderedActivity: 300, comment: null };

describe('ActivityOrderRow', () => {
  it('[URS-DAT-007] refuses an activity that is not a number with core’s message and sends nothing', async () => {
    const onCreate = vi.fn();
    renderWithI18n(<ActivityOrderRow mayOrder onCreate={onCreate} />);
    const row = screen.getByRole('group', { name: 'Ny ordre' });
    await userEvent.type(within(row).getByRole('textbox', { name: 'Aktivitet' }), '4asdgf0000');
    await userEvent.click(within(row).getByRole('button', { name: 'Bestil' }));
    const field = within(row).getByRole('textbox', { name: 'Aktivitet' });
    expect(describedText(field)).toBe('Aktivitet er ikke et tal');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it.each([
    ['', 'Aktivitet er ikke tastet ind'],
    ['0', 'Aktivitet kan ikke være nul'],
    ['-5', 'Aktivitet kan ikke være negativ'],
  ])('refuses "%s" with "%s"', async (typed, message) => {
    renderWithI18n(<ActivityOrderRow mayOrder onCreate={vi.fn()} />);
    if (typed !== '') {
      await userEvent.type(screen.getByRole('textbox', { name: 'Aktivitet' }), typed);
    }
    await userEvent.click(screen.getByRole('button', { name: 'Bestil' }));
    expect(describedText(screen.getByRole('textbox', { name: 'Aktivitet' }))).toBe(message);
  });

  it('[URS-ORD-001][URS-DAT-007] creates with a Danish decimal and a comment, then clears the row', async () => {
    const onCreate = vi.fn().mockResolvedValue({});
    renderWithI18n(<ActivityOrderRow mayOrder onCreate={onCreate} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Aktivitet' }), '300,5');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Kommentar' }),
      'til scanner 2{Enter}',
    );
    expect(onCreate).toHaveBeenCalledExactlyOnceWith({
      orderedActivity: 300.5,
      comment: 'til scanner 2',
    });
    expect((screen.getByRole('textbox', { name: 'Aktivitet' }) as HTMLInputElement).value).toBe('');
  });

  it('[URS-ORD-001] deletes an unchanged order and updates a changed one', async () => {
    const onDelete = vi.fn().mockResolvedValue({});
    const onSave = vi.fn().mockResolvedValue({});
    renderWithI18n(
      <ActivityOrderRow order={ordered} mayOrder onDelete={onDelete} onSave={onSave} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Slet' }));
    expect(onDelete).toHaveBeenCalledExactlyOnceWith(5);
    const field = screen.getByRole('textbox', { name: 'Aktivitet' });
    await userEvent.clear(field);
    await userEvent.type(field, '350');
    await userEvent.click(screen.getByRole('button', { name: 'Opdater' }));
    expect(onSave).toHaveBeenCalledExactlyOnceWith({ id: 5, orderedActivity: 350, comment: null });
  });

  it('[URS-DAT-006] shows the api’s refusal in Danish', async () => {
    const onDelete = vi
      .fn()
      .mockRejectedValue(new Error('Deadline for bestilling til 24/11/2026 er udløbet.'));
    renderWithI18n(<ActivityOrderRow order={ordered} mayOrder onDelete={onDelete} />);
    await userEvent.click(screen.getByRole('button', { name: 'Slet' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Fejl: Deadline for bestilling til 24/11/2026 er udløbet.',
    );
  });

  it('[URS-DLN-002] offers no action after the deadline', () => {
    renderWithI18n(<ActivityOrderRow order={ordered} mayOrder={false} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
