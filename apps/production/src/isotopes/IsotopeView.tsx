/**
 * The isotope view of the "Ordre" page (docs/domain.md): one producible isotope on the
 * chosen day: "Opret Isotope ordre", the production runs ("Kørsel: HH:MM - X MBq"), one card
 * per delivery and the isotope order modal. Runs and cards come from `orders.isotopeDay` (the
 * api computes them with core), the undelivered vials from `vials.isotope.list`; both live.
 */

import { AlertBox, messageOf, reasonOf, useFigures } from '@tracershop/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useReleasePermission, useSiteToday } from '../special/specialApi';
import { slashDate } from '../special/injectionRows';
import { CreateIsotopeOrderModal } from './CreateIsotopeOrderModal';
import { useIsotopeDay, useIsotopeVials, useIsotopeWrites } from './isotopeApi';
import { IsotopeCard } from './IsotopeCard';
import { IsotopeOrderModal } from './IsotopeOrderModal';
import '../special/special.css';
import './isotopes.css';

export function IsotopeView({ date, isotopeId }: { date: string; isotopeId: number }) {
  const { t } = useTranslation('app');
  const figures = useFigures();
  const headingId = useId();
  const catalog = useCatalog();
  const isotopeDay = useIsotopeDay(isotopeId, date);
  const vials = useIsotopeVials(isotopeId, date);
  const writes = useIsotopeWrites();
  const mayRelease = useReleasePermission();
  const { today, timeZone, user } = useSiteToday();
  const [openDeliveryId, setOpenDeliveryId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  const vialRows = vials.data?.isotopeVials ?? [];
  const day = isotopeDay.data ?? null;
  const unknown = reasonOf(isotopeDay.error) === 'NOT_FOUND';
  const problem = (unknown ? null : isotopeDay.error) ?? catalog.error ?? vials.error;
  const openCard = day?.deliveries.find((card) => card.delivery.id === openDeliveryId) ?? null;
  const name = day?.isotope.name ?? '';

  return (
    <section className="isotope-view" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('isotopes.title', { isotope: name, date: slashDate(date) })}</h2>
      <div className="special-view__buttons">
        <button
          type="button"
          className="ts-button"
          disabled={day === null}
          onClick={() => setCreating(true)}
        >
          {t('isotopes.create.open')}
        </button>
      </div>
      {problem ? (
        <AlertBox level="error">{t('isotopes.failed', { message: messageOf(problem) })}</AlertBox>
      ) : null}
      {day !== null || problem ? null : unknown ? (
        <p>{t('isotopes.unknown')}</p>
      ) : (
        <p role="status">{t('isotopes.loading')}</p>
      )}
      {day === null ? null : (
        <>
          {day.runs.length === 0 ? null : (
            <ul className="production-runs" aria-label={t('isotopes.runs')}>
              {day.runs.map((run) => (
                <li key={run.productionId}>
                  {t('isotopes.run', {
                    time: run.productionTime.slice(0, 5),
                    activity: figures.activity(run.orderedActivity),
                  })}
                </li>
              ))}
            </ul>
          )}
          {day.deliveries.length === 0 ? (
            <p>{t('isotopes.noDeliveries', { isotope: name })}</p>
          ) : (
            <div className="production-slots">
              {day.deliveries.map((card) => (
                <IsotopeCard
                  key={card.delivery.id}
                  card={card}
                  date={date}
                  onOpen={() => setOpenDeliveryId(card.delivery.id)}
                  onAccept={(orderIds) => writes.accept.mutateAsync({ orderIds })}
                  onReject={(orderIds) => writes.reject.mutateAsync({ orderIds })}
                  onEditDose={(id, orderedActivity, reason) =>
                    writes.editDose.mutateAsync({ id, orderedActivity, reason })
                  }
                />
              ))}
            </div>
          )}
        </>
      )}
      {openCard === null || day === null ? null : (
        <IsotopeOrderModal
          key={openCard.delivery.id}
          card={openCard}
          isotopeName={name}
          date={date}
          today={today}
          timeZone={timeZone}
          vials={vialRows}
          mayRelease={mayRelease({ isotopeId })}
          username={user?.username ?? ''}
          userGroup={user?.userGroup ?? null}
          onClose={() => setOpenDeliveryId(null)}
          onAccept={(orderIds) => writes.accept.mutateAsync({ orderIds })}
          onReject={(orderIds) => writes.reject.mutateAsync({ orderIds })}
          onUnreject={(orderIds) => writes.unreject.mutateAsync({ orderIds })}
          onRelease={(input) => writes.release.mutateAsync(input)}
          onCorrect={(input) =>
            writes.correct.mutateAsync({
              isotopeOrderIds: input.orderIds,
              password: input.password,
              reason: input.reason,
            })
          }
          onCreateVial={(values) => writes.createVial.mutateAsync({ ...values, isotopeId })}
          onEditVial={(id, values, reason) =>
            writes.editVial.mutateAsync({ ...values, id, reason })
          }
          onDeleteVial={(id) => writes.deleteVial.mutateAsync({ id })}
          onDelete={(id, reason) => writes.productionDelete.mutateAsync({ id, reason })}
          onPrint={() =>
            writes.printCertificate.mutateAsync({ isotopeDeliveryId: openCard.delivery.id, date })
          }
        />
      )}
      {creating && catalog.data ? (
        <CreateIsotopeOrderModal
          catalog={catalog.data}
          isotopeId={isotopeId}
          isotopeName={name}
          date={date}
          onClose={() => setCreating(false)}
          onCreate={(input) => writes.create.mutateAsync(input)}
        />
      ) : null}
    </section>
  );
}
