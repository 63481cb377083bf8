import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../testing/renderWithI18n';
import { ConfirmDialog } from './ConfirmDialog';

function RejectButton({
  onConfirm,
  onCancel = () => undefined,
  pending,
}: {
  onConfirm: () => void;
  onCancel?: () => void;
  pending?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Afvis
      </button>
      <ConfirmDialog
        open={open}
        title="Afvis ordre"
        pending={pending}
        onConfirm={() => {
          onConfirm();
          setOpen(false);
        }}
        onCancel={() => {
          onCancel();
          setOpen(false);
        }}
      >
        Vil du afvise?
      </ConfirmDialog>
    </>
  );
}

async function openDialog() {
  await userEvent.click(screen.getByRole('button', { name: 'Afvis' }));
  return screen.getByRole('dialog', { name: 'Afvis ordre' });
}

describe('ConfirmDialog', () => {
  it('asks with title, text, "Bekræft" and "Annuller", focus on "Bekræft"', async () => {
    renderWithI18n(<RejectButton onConfirm={() => undefined} />);
    const dialog = await openDialog();
    expect(dialog.getAttribute('aria-describedby')).not.toBeNull();
    expect(screen.getByText('Vil du afvise?')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Bekræft' }));
    expect(screen.getByRole('button', { name: 'Annuller' })).toBeTruthy();
  });

  it('confirms with the button and with Enter', async () => {
    const onConfirm = vi.fn();
    renderWithI18n(<RejectButton onConfirm={onConfirm} />);
    await openDialog();
    await userEvent.click(screen.getByRole('button', { name: 'Bekræft' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await openDialog();
    await userEvent.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cancels with "Annuller", with Escape and with Enter on "Annuller", and gives focus back', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    renderWithI18n(<RejectButton onConfirm={onConfirm} onCancel={onCancel} />);
    await openDialog();
    await userEvent.click(screen.getByRole('button', { name: 'Annuller' }));
    await openDialog();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Afvis' }));
    await openDialog();
    screen.getByRole('button', { name: 'Annuller' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(onCancel).toHaveBeenCalledTimes(3);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('keeps Escape to itself: a modal the question was asked over stays open', async () => {
    const onOuterKey = vi.fn();
    renderWithI18n(
      <div onKeyDown={(event) => onOuterKey(event.key)}>
        <RejectButton onConfirm={() => undefined} />
      </div>,
    );
    await openDialog();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onOuterKey).not.toHaveBeenCalledWith('Escape');
  });

  it('keeps Tab inside the dialog', async () => {
    renderWithI18n(<RejectButton onConfirm={() => undefined} />);
    await openDialog();
    const cancel = screen.getByRole('button', { name: 'Annuller' });
    const confirm = screen.getByRole('button', { name: 'Bekræft' });
    await userEvent.tab();
    expect(document.activeElement).toBe(cancel);
    await userEvent.tab();
    expect(document.activeElement).toBe(confirm);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(cancel);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(confirm);
  });

  it('confirms once while the caller is waiting', async () => {
    const onConfirm = vi.fn();
    renderWithI18n(
      <ConfirmDialog
        open
        title="Frigiv"
        pending
        onConfirm={onConfirm}
        onCancel={() => undefined}
      />,
    );
    await userEvent.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Bekræft' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('ConfirmDialog with a text area', () => {
  it('lets Enter make a new line there', async () => {
    const onConfirm = vi.fn();
    renderWithI18n(
      <ConfirmDialog open title="Afvis ordre" onConfirm={onConfirm} onCancel={() => undefined}>
        <label>
          Begrundelse
          <textarea />
        </label>
      </ConfirmDialog>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Begrundelse' }), 'a{Enter}b');
    expect(onConfirm).not.toHaveBeenCalled();
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('a\nb');
  });
});
