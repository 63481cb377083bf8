/**
 * Which sub-page the "Ordre" page shows (docs/domain.md): an activity tracer, a producible
 * isotope, "Special" or "Uge plan". The choice lives in the address (`?view=tracer-3`,
 * `isotope-1`, `special`, `week`) and is remembered in localStorage for the next visit
 * (docs/domain.md).
 */
import type { ProductKey } from './productStatus';

export type OrdersView = ProductKey | 'week';

const STORAGE_KEY = 'tracershop.production.ordersView';

/** The view named by `text`, when it is one of `known`'s; else null. */
export function ordersViewOf(text: string | null, known: readonly OrdersView[]): OrdersView | null {
  return known.find((view) => view === text) ?? null;
}

export function rememberedOrdersView(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be disabled (private mode); the address still carries the choice.
    return null;
  }
}

export function rememberOrdersView(view: OrdersView): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, view);
  } catch {
    // See rememberedOrdersView.
  }
}

/** The address's view, else the remembered one, else the first product. */
export function chosenOrdersView(
  fromAddress: string | null,
  known: readonly OrdersView[],
): OrdersView | null {
  return (
    ordersViewOf(fromAddress, known) ??
    ordersViewOf(rememberedOrdersView(), known) ??
    known[0] ??
    null
  );
}
