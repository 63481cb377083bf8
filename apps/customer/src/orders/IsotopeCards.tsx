/** The destination's isotope deliveries of the day, when it has any (whole MBq orders). */
import { useClientKeys } from '@tracershop/ui';
import { useTranslation } from 'react-i18next';
import type { ShopIsotopeCard } from '../shopApi';
import { useIsotopeOrderWrites } from '../shopApi';
import { IsotopeCard } from './IsotopeCard';

export interface IsotopeCardsProps {
  cards: readonly ShopIsotopeCard[];
  date: string;
  /** Isotope orders follow the activity deadline (legacy rule). */
  mayOrder: boolean;
  timeZone: string;
}

export function IsotopeCards({ cards, date, mayOrder, timeZone }: IsotopeCardsProps) {
  const { t } = useTranslation('app');
  const writes = useIsotopeOrderWrites();
  const clientKeys = useClientKeys();
  if (cards.length === 0) {
    return null;
  }
  return (
    <section className="shop-isotopes" aria-labelledby="isotopes-title">
      <h2 id="isotopes-title">{t('isotope.title')}</h2>
      {cards.map((card) => (
        <IsotopeCard
          key={card.delivery.id}
          card={card}
          date={date}
          mayOrder={mayOrder}
          timeZone={timeZone}
          onCreate={(deliveryId, values) =>
            clientKeys.send(`isotope/${deliveryId}/${date}`, (clientKey) =>
              writes.create.mutateAsync({
                isotopeDeliveryId: deliveryId,
                deliveryDate: date,
                orderedActivity: values.orderedActivity,
                comment: values.comment === '' ? null : values.comment,
                clientKey,
              }),
            )
          }
          onSave={(values) => writes.edit.mutateAsync(values)}
          onDelete={(id) => writes.remove.mutateAsync({ id })}
        />
      ))}
    </section>
  );
}
