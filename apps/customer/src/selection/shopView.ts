/**
 * The shop's "Side": Ordreoversigt, Bookinger or Booking Oversigt (docs/domain.md), remembered
 * in localStorage. External users (group 6) have no bookings and always see Ordreoversigt.
 */
import { useCallback, useState } from 'react';

export const SHOP_VIEWS = ['overview', 'bookings', 'bookingOverview'] as const;
export type ShopView = (typeof SHOP_VIEWS)[number];

const STORAGE_KEY = 'tracershop.shop.view';

function readView(): ShopView {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return SHOP_VIEWS.find((view) => view === stored) ?? 'overview';
  } catch {
    return 'overview';
  }
}

export function useShopView(external: boolean): [ShopView, (view: ShopView) => void] {
  const [view, setView] = useState(readView);
  const choose = useCallback((next: ShopView) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Refused storage: the choice lasts this visit only.
    }
    setView(next);
  }, []);
  return [external ? 'overview' : view, choose];
}
