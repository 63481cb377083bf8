/** Full-width alert with a coloured header word: "Hint:", "Advarsel:" or "Fejl:" (docs/domain.md). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type AlertLevel = 'hint' | 'warning' | 'error';

export interface AlertBoxProps {
  level: AlertLevel;
  children: ReactNode;
}

export function AlertBox({ level, children }: AlertBoxProps) {
  const { t } = useTranslation();
  return (
    <div className={`ts-alert ts-alert--${level}`} role={level === 'hint' ? 'status' : 'alert'}>
      <strong className="ts-alert__title">{t(`alert.${level}`)}</strong> {children}
    </div>
  );
}
