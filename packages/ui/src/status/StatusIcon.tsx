/**
 * The clipboard icon of an order status (docs/domain.md): red Ordered, yellow Accepted, green
 * Released with a check, black Rejected with a cross; an arrow for orders moved to an earlier
 * delivery; nothing for a new order. Named for screen readers by its status.
 */
import { OrderStatus } from '@tracershop/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const STATUS_COLOURS: Record<OrderStatus, string> = {
  [OrderStatus.Ordered]: '#ff5555',
  [OrderStatus.Accepted]: '#ffcc00',
  [OrderStatus.Released]: '#33cc33',
  [OrderStatus.Rejected]: '#333333',
};

const STATUS_KEYS = {
  [OrderStatus.Ordered]: 'status.ordered',
  [OrderStatus.Accepted]: 'status.accepted',
  [OrderStatus.Released]: 'status.released',
  [OrderStatus.Rejected]: 'status.rejected',
} as const satisfies Record<OrderStatus, string>;

/** The mark drawn on the clipboard: a dash, none, a check, a cross. */
const STATUS_MARKS: Record<OrderStatus, ReactNode> = {
  [OrderStatus.Ordered]: <path d="M8 14h8" stroke="#fff" strokeWidth="2.5" />,
  [OrderStatus.Accepted]: null,
  [OrderStatus.Released]: <path d="M8 14l3 3 5-6" fill="none" stroke="#fff" strokeWidth="2.5" />,
  [OrderStatus.Rejected]: <path d="M9 10l6 8M15 10l-6 8" stroke="#fff" strokeWidth="2.5" />,
};

export interface StatusIconProps {
  status: OrderStatus | null;
  /** The orders were moved to an earlier delivery. */
  moved?: boolean;
}

export function StatusIcon({ status, moved = false }: StatusIconProps) {
  const { t } = useTranslation();
  if (moved) {
    return (
      <svg className="ts-status-icon" role="img" aria-label={t('status.moved')} viewBox="0 0 24 24">
        <path d="M4 4h16M12 20V8M6 14l6-6 6 6" fill="none" stroke="#0055aa" strokeWidth="2.5" />
      </svg>
    );
  }
  if (status === null) {
    return <span className="ts-status-icon" aria-hidden="true" />;
  }
  const colour = STATUS_COLOURS[status];
  return (
    <svg
      className="ts-status-icon"
      role="img"
      aria-label={t(STATUS_KEYS[status])}
      data-status={status}
      viewBox="0 0 24 24"
    >
      <rect x="4" y="4" width="16" height="18" rx="2" fill={colour} stroke="#222" />
      <rect x="8" y="2" width="8" height="4" rx="1" fill="#eee" stroke="#222" />
      {STATUS_MARKS[status]}
    </svg>
  );
}
