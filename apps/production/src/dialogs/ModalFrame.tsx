/**
 * The frame of every production modal (order modals, create-order forms, set-up dialogs): a
 * titled dialog over a dimmed page with "Luk" in its header. Focus moves into the dialog when
 * it opens and back to where it was when it closes; Escape closes it.
 */
import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ModalFrameProps {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom (Afvis, Accepter, Frigiv …). */
  footer?: ReactNode;
  /** A wider dialog (tables of vials, the weekly grid). */
  wide?: boolean;
}

export function ModalFrame({ title, onClose, children, footer, wide = false }: ModalFrameProps) {
  const { t } = useTranslation('app');
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement;
    dialogRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement) {
        previous.focus();
      }
    };
  }, []);

  return (
    <div className="production-modal__backdrop">
      <div
        ref={dialogRef}
        className={wide ? 'production-modal production-modal--wide' : 'production-modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="production-modal__head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={onClose}>
            {t('modal.close')}
          </button>
        </header>
        {children}
        {footer === undefined ? null : <footer className="production-modal__foot">{footer}</footer>}
      </div>
    </div>
  );
}
