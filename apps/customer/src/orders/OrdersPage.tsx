/**
 * "Bestillinger" (docs/domain.md): across the top the notices production wrote to the user's
 * customers; on the right the customer and destination (the user's own, remembered) and the
 * calendar; on the left the order overview of the chosen day. A user with no customer sees
 * whom to contact instead.
 */
import { DEFAULT_TIME_ZONE, TracerType, UserGroup, normalizeDate } from '@tracershop/core';
import type { DeadlineRule } from '@tracershop/core';
import { MonthCalendar, siteToday, useSession, useSiteNow } from '@tracershop/ui';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EndpointSelection } from '../selection/EndpointSelection';
import { endpointChoiceOf } from '../selection/endpointChoice';
import { ShopNotices } from '../notices/ShopNotices';
import { NoCustomerPage } from '../selection/NoCustomerPage';
import { useRememberedChoice } from '../selection/rememberedChoice';
import type { ShopView } from '../selection/shopView';
import { SHOP_VIEWS, useShopView } from '../selection/shopView';
import type { Catalog } from '../shopApi';
import { useCatalog, useOrdersWindow } from '../shopApi';
import { OrderOverview } from './OrderOverview';
import { shopCalendarColours } from './shopCalendar';

// The booking views load on first use: most visits only order by hand.
const BookingsView = lazy(() => import('../bookings/BookingsView'));
const BookingOverviewView = lazy(() => import('../bookings/BookingOverviewView'));

/** The tracers of one type in a destination's catalogue. */
function tracersOf(catalog: Catalog, endpointId: number | null, tracerType: TracerType) {
  const inCatalog = new Set(
    catalog.catalogPages
      .filter((page) => page.endpointId === endpointId)
      .map((page) => page.tracerId),
  );
  const halflives = new Map(
    catalog.isotopes.map((isotope) => [isotope.id, isotope.halflifeSeconds]),
  );
  return catalog.tracers
    .filter((tracer) => inCatalog.has(tracer.id) && tracer.tracerType === tracerType)
    .map((tracer) => ({
      id: tracer.id,
      shortname: tracer.shortname,
      halflifeSeconds: halflives.get(tracer.isotopeId) ?? null,
    }));
}

/** The destination's delivery slots of a tracer, with their production weekday. */
function slotsOf(catalog: Catalog, endpointId: number | null, tracerId: number | null) {
  const productions = new Map(catalog.productions.map((production) => [production.id, production]));
  return catalog.deliverySlots.flatMap((slot) => {
    const production = productions.get(slot.productionId);
    if (slot.endpointId !== endpointId || production?.tracerId !== tracerId) {
      return [];
    }
    return [{ id: slot.id, weekday: production.weekday, weeklyRepeat: slot.weeklyRepeat }];
  });
}

/** A global deadline as core reads it; none when it is missing or has no time. */
function deadlineOf(catalog: Catalog, id: number | null): DeadlineRule | null {
  const row = catalog.deadlines.find((deadline) => deadline.id === id);
  if (row === undefined || row.deadlineTime === null) {
    return null;
  }
  return { deadlineType: row.deadlineType, deadlineTime: row.deadlineTime, weekday: row.weekday };
}

/** A `YYYY-MM-DD` date from the address, or null. */
function dateParamOf(text: string | null): string | null {
  return text !== null && normalizeDate(text) === text ? text : null;
}

export default function OrdersPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  const timeZone = session.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const now = useSiteNow(timeZone);
  // The chosen day lives in the address (?date=YYYY-MM-DD), so a reload or a link keeps it.
  const [searchParams, setSearchParams] = useSearchParams();
  const date = dateParamOf(searchParams.get('date')) ?? siteToday(timeZone);
  const setDate = (next: string) => setSearchParams({ date: next });
  const catalog = useCatalog();
  const [customerId, setCustomer] = useRememberedChoice('customer');
  const [endpointId, setEndpoint] = useRememberedChoice('endpoint');
  const [tracerId, setTracer] = useRememberedChoice('tracer');
  const choice = catalog.data ? endpointChoiceOf(catalog.data, customerId, endpointId) : null;
  const window = useOrdersWindow(choice?.endpointId ?? null, date);
  const tracers = catalog.data
    ? tracersOf(catalog.data, choice?.endpointId ?? null, TracerType.Activity)
    : [];
  const injectionTracers = catalog.data
    ? tracersOf(catalog.data, choice?.endpointId ?? null, TracerType.Injection)
    : [];
  const external = session.data?.user?.userGroup === UserGroup.ShopExternal;
  const [view, setView] = useShopView(external);
  const chosenTracer =
    tracers.find((tracer) => tracer.id === tracerId)?.id ?? tracers[0]?.id ?? null;
  const today = now.slice(0, 10);
  const userId = session.data?.user?.id;

  // Colours change at most once a day or at a deadline; the minute is fine-grained enough.
  const minute = `${now.slice(0, 16)}:00`;
  const endpointChosen = choice?.endpointId ?? null;
  const coloursOf = useMemo(() => {
    if (!catalog.data) {
      return undefined;
    }
    return shopCalendarColours({
      slots: slotsOf(catalog.data, endpointChosen, chosenTracer),
      activityOrders: window.data?.activityOrders ?? [],
      injectionOrders: window.data?.injectionOrders ?? [],
      activityDeadline: deadlineOf(catalog.data, catalog.data.globalDeadlines.activity),
      injectionDeadline: deadlineOf(catalog.data, catalog.data.globalDeadlines.injection),
      closedDates: catalog.data.closedDates.map((row) => row.closeDate),
      now: minute,
      timeZone,
    });
  }, [catalog.data, window.data, endpointChosen, chosenTracer, minute, timeZone]);

  if (catalog.isPending || session.isPending) {
    return <p role="status">{t('loading', { ns: 'translation' })}</p>;
  }
  if (catalog.data === undefined || choice === null) {
    return <NoCustomerPage external={external} />;
  }
  return (
    <div className="shop-orders" data-today={today}>
      {userId === undefined ? null : <ShopNotices userId={userId} today={today} />}
      <div className="shop-orders__main">
        {choice.endpointId === null ? null : view === 'bookings' ? (
          <Suspense fallback={<p role="status">{t('loading', { ns: 'translation' })}</p>}>
            <BookingsView endpointId={choice.endpointId} date={date} />
          </Suspense>
        ) : view === 'bookingOverview' ? (
          <Suspense fallback={<p role="status">{t('loading', { ns: 'translation' })}</p>}>
            <BookingOverviewView endpointId={choice.endpointId} date={date} />
          </Suspense>
        ) : (
          <OrderOverview
            endpointId={choice.endpointId}
            date={date}
            tracers={tracers}
            injectionTracers={injectionTracers}
            tracerId={chosenTracer}
            onTracer={setTracer}
            now={now}
            timeZone={timeZone}
          />
        )}
      </div>
      <aside className="shop-orders__side">
        <EndpointSelection
          catalog={catalog.data}
          choice={choice}
          onCustomer={setCustomer}
          onEndpoint={setEndpoint}
        />
        {external ? null : (
          <label className="shop-selection shop-view-choice">
            {t('selection.view')}
            <select value={view} onChange={(event) => setView(event.target.value as ShopView)}>
              {SHOP_VIEWS.map((option) => (
                <option key={option} value={option}>
                  {t(`selection.views.${option}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <MonthCalendar activeDate={date} onSelectDate={setDate} coloursOf={coloursOf} />
      </aside>
    </div>
  );
}
