/**
 * The ordering deadline for the selected date (docs/domain.md): "Deadline for <name>
 * udløber om HH:MM:SS" ticking each second when it falls today, "… udløber HH:MM dd/mm/YYYY"
 * when it falls on another day, "… er udløbet" once passed; nothing without a deadline.
 *
 * Give either the deadline rule and the order date (the seconds are core's
 * `deadlineCountdownSeconds`), or the deadline's date-time as the api computed it. `now` is
 * the site's wall clock; without it the banner keeps its own (`useSiteNow`).
 */
import type { DeadlineRule } from '@tracershop/core';
import {
  DEFAULT_TIME_ZONE,
  formatDanishDate,
  deadlineCountdownSeconds,
  deadlineFor,
  secondsBetween,
} from '@tracershop/core';
import { useTranslation } from 'react-i18next';
import { useSiteNow } from '../clock/siteClock';

interface DeadlineBannerBase {
  /** What closes, as the sentence needs it: "aktivitetsordrer", "injektionsordrer". */
  name: string;
  /** `'YYYY-MM-DD HH:MM:SS'` on the site's clock; default a clock ticking each second. */
  now?: string;
  timeZone?: string;
  className?: string;
}

export type DeadlineBannerProps = DeadlineBannerBase &
  (
    | {
        /** The configured deadline, or null when none is set (nothing is shown). */
        deadline: DeadlineRule | null;
        /** `'YYYY-MM-DD'` the orders are for. */
        orderDate: string;
        deadlineAt?: never;
      }
    | {
        /** When ordering closes, `'YYYY-MM-DD HH:MM:SS'`, or null when no deadline is set. */
        deadlineAt: string | null;
        deadline?: never;
        orderDate?: never;
      }
  );

/** Seconds as `HH:MM:SS` (hours may pass 24 only on the longest clock-change day). */
export function countdownText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  return [hours, minutes, whole % 60].map((part) => String(part).padStart(2, '0')).join(':');
}

export function DeadlineBanner(props: DeadlineBannerProps) {
  const { name, now: givenNow, timeZone = DEFAULT_TIME_ZONE, className } = props;
  const { t } = useTranslation();
  const clock = useSiteNow(timeZone, 1000, givenNow === undefined);
  const now = givenNow ?? clock;

  let deadlineAt: string;
  let seconds: number;
  if (props.deadlineAt !== undefined) {
    if (props.deadlineAt === null) {
      return null;
    }
    deadlineAt = props.deadlineAt;
    seconds = secondsBetween(now, deadlineAt, timeZone);
  } else {
    if (props.deadline === null) {
      return null;
    }
    deadlineAt = deadlineFor(props.deadline, props.orderDate);
    seconds = deadlineCountdownSeconds({
      deadline: props.deadline,
      orderDate: props.orderDate,
      now,
      timeZone,
    });
  }

  let text: string;
  if (seconds < 0) {
    text = t('deadline.passed', { name });
  } else if (deadlineAt.slice(0, 10) === now.slice(0, 10)) {
    text = t('deadline.countdown', { name, time: countdownText(seconds) });
  } else {
    const date = formatDanishDate(deadlineAt.slice(0, 10));
    text = t('deadline.at', { name, time: deadlineAt.slice(11, 16), date });
  }
  return (
    <p
      className={`ts-deadline${seconds < 0 ? ' ts-deadline--passed' : ''} ${className ?? ''}`}
      role="timer"
      aria-live="off"
    >
      {text}
    </p>
  );
}
