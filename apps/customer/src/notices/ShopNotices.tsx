/**
 * The notices production wrote to the user's customers, at the top of the order page: each a
 * hint with its text and "Luk". The api lists a shop user only the current notices of their
 * own customers; core's `isNoticeCurrent` keeps expired ones away for users who see every
 * customer as well. A closed notice stays closed for this user in this browser until it is
 * edited (dismissedNotices.ts). Live events refresh the list (`CustomerNotice` touches
 * `setup.notices`).
 */
import { isNoticeCurrent } from '@tracershop/core';
import { AlertBox, useTRPC } from '@tracershop/ui';
import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tracershop/api';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DismissibleNotice } from './dismissedNotices';
import {
  dismissalKey,
  dismissNotice,
  forgetStaleDismissals,
  isNoticeDismissed,
} from './dismissedNotices';
import './notices.css';

export type ShopNotice = RouterOutputs['setup']['notices']['list'][number];

function useShopNotices() {
  const trpc = useTRPC();
  return useQuery(trpc.setup.notices.list.queryOptions());
}

/** The user's dismissals: those remembered, and those of this visit should storage refuse. */
function useDismissals(userId: number) {
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set());
  return {
    isDismissed: (notice: DismissibleNotice) =>
      closed.has(dismissalKey(userId, notice)) || isNoticeDismissed(userId, notice),
    dismiss: (notice: DismissibleNotice) => {
      dismissNotice(userId, notice);
      setClosed((previous) => new Set(previous).add(dismissalKey(userId, notice)));
    },
  };
}

export function ShopNotices({ userId, today }: { userId: number; today: string }) {
  const { t } = useTranslation('app');
  const notices = useShopNotices();
  const dismissals = useDismissals(userId);
  const closeButtons = useRef(new Map<number, HTMLButtonElement>());
  const listed = notices.data;

  useEffect(() => {
    if (listed !== undefined) {
      forgetStaleDismissals(userId, listed);
    }
  }, [userId, listed]);

  const shown = (listed ?? []).filter(
    (notice) => isNoticeCurrent(notice.expiresOn, today) && !dismissals.isDismissed(notice),
  );

  if (shown.length === 0) {
    return null;
  }
  return (
    <section className="shop-notices" aria-label={t('notices.title')}>
      {shown.map((notice, index) => (
        <AlertBox key={notice.id} level="hint">
          <span id={`shop-notice-${notice.id}`} className="shop-notices__text">
            {notice.message}
          </span>
          <button
            ref={(button) => {
              if (button === null) {
                closeButtons.current.delete(notice.id);
              } else {
                closeButtons.current.set(notice.id, button);
              }
            }}
            type="button"
            className="ts-button ts-button--light shop-notices__close"
            aria-describedby={`shop-notice-${notice.id}`}
            onClick={() => {
              // The keyboard moves on to the next notice's "Luk", if there is one.
              const next = shown[index + 1] ?? shown[index - 1];
              if (next !== undefined) {
                closeButtons.current.get(next.id)?.focus();
              }
              dismissals.dismiss(notice);
            }}
          >
            {t('notices.dismiss')}
          </button>
        </AlertBox>
      ))}
    </section>
  );
}
