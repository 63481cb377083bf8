/**
 * "Deadline for aktivitetsordrer udløber om HH:MM:SS" (ticking), "… udløber dd/mm/yyyy HH:MM"
 * when it falls on another day, "… er udløbet" once passed (docs/domain.md). The deadline itself
 * comes from the api; the seconds are core's.
 */
import { formatDanishDate, secondsBetween } from '@tracershop/core';
import { useTranslation } from 'react-i18next';

export interface DeadlineNoticeProps {
  kind: 'activity' | 'injection';
  /** The deadline `'YYYY-MM-DD HH:MM:SS'` (site clock), or null when none is configured. */
  deadline: string | null;
  /** The site's wall clock now. */
  now: string;
  timeZone: string;
}

function clockText(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return [hours, minutes, whole % 60].map((part) => String(part).padStart(2, '0')).join(':');
}

export function DeadlineNotice({ kind, deadline, now, timeZone }: DeadlineNoticeProps) {
  const { t } = useTranslation('app');
  if (deadline === null) {
    return null;
  }
  const seconds = secondsBetween(now, deadline, timeZone);
  let text: string;
  if (seconds < 0) {
    text = t(`deadline.${kind}.passed`);
  } else if (deadline.slice(0, 10) === now.slice(0, 10)) {
    text = t(`deadline.${kind}.countdown`, { time: clockText(seconds) });
  } else {
    text = t(`deadline.${kind}.at`, {
      date: formatDanishDate(deadline),
      time: deadline.slice(11, 16),
    });
  }
  return (
    <p className="shop-deadline" role="timer" aria-live="off">
      {text}
    </p>
  );
}
