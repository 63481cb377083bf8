/**
 * The product buttons of the "Ordre" page (docs/domain.md): one per activity tracer with
 * productions, one per producible isotope, "Special" and "Uge plan". Product buttons are
 * coloured by their orders on the active date (dark red: something Ordered; yellow: all
 * Accepted or further; green: all Released; blue: no orders); the chosen one is pressed.
 */
import { useTranslation } from 'react-i18next';
import type { OrdersView } from './ordersView';
import type { ProductKey, ProductStatus } from './productStatus';

export interface ProductButton {
  view: OrdersView;
  label: string;
}

export interface ProductButtonsProps {
  buttons: readonly ProductButton[];
  statuses: ReadonlyMap<ProductKey, ProductStatus>;
  chosen: OrdersView | null;
  onChoose(view: OrdersView): void;
}

export function ProductButtons({ buttons, statuses, chosen, onChoose }: ProductButtonsProps) {
  const { t } = useTranslation('app');
  return (
    <div className="production-products" role="group" aria-label={t('orders.products')}>
      {buttons.map((button) => {
        const status =
          button.view === 'week' ? null : (statuses.get(button.view) ?? ('none' as const));
        return (
          <button
            key={button.view}
            type="button"
            className={
              status === null
                ? 'production-product'
                : `production-product production-product--${status}`
            }
            data-status={status ?? undefined}
            title={status === null ? undefined : t(`orders.productStatus.${status}`)}
            aria-pressed={button.view === chosen}
            onClick={() => onChoose(button.view)}
          >
            {button.label}
          </button>
        );
      })}
    </div>
  );
}
