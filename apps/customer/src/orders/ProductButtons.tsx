/** One button per activity tracer in the destination's catalogue; the chosen one is pressed. */
import { useTranslation } from 'react-i18next';

export interface ProductButtonsProps {
  tracers: readonly { id: number; shortname: string }[];
  selected: number | null;
  onSelect(tracerId: number): void;
}

export function ProductButtons({ tracers, selected, onSelect }: ProductButtonsProps) {
  const { t } = useTranslation('app');
  return (
    <div className="shop-products" role="group" aria-label={t('overview.products')}>
      {tracers.map((tracer) => (
        <button
          key={tracer.id}
          type="button"
          className={tracer.id === selected ? 'ts-button ts-button--selected' : 'ts-button'}
          aria-pressed={tracer.id === selected}
          onClick={() => onSelect(tracer.id)}
        >
          {tracer.shortname}
        </button>
      ))}
    </div>
  );
}
