/**
 * "Ordre" (docs/domain.md): the product buttons (activity tracers with productions, producible
 * isotopes, "Special", "Uge plan"), the chosen sub-page, and the production calendar. The
 * date and the sub-page are in the address (`?date=2026-12-02&view=tracer-3`); the sub-page is
 * remembered for the next visit.
 */
import type { DeadlineRule } from '@tracershop/core';
import { DEFAULT_TIME_ZONE, formatDanishDate, normalizeDate, TracerType } from '@tracershop/core';
import { MonthCalendar, useSession, useSiteNow } from '@tracershop/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IsotopeView } from '../isotopes/IsotopeView';
import type { Catalog } from '../productionApi';
import { useCatalog, useProductionWindow } from '../productionApi';
import { SpecialView } from '../special/SpecialView';
import { ActivityView } from './ActivityView';
import type { ProductButton } from './ProductButtons';
import { ProductButtons } from './ProductButtons';
import { productionCalendarColours } from './productionCalendar';
import type { OrdersView } from './ordersView';
import { chosenOrdersView, rememberOrdersView } from './ordersView';
import { productStatuses } from './productStatus';
import { WeekPlanView } from './WeekPlanView';
import './orders.css';

/** A `YYYY-MM-DD` date from the address, or null. */
function dateParamOf(text: string | null): string | null {
  return text !== null && normalizeDate(text) === text ? text : null;
}

/** Activity tracers that have at least one production, by name. */
export function productionTracersOf(catalog: Catalog) {
  const produced = new Set(catalog.productions.map((production) => production.tracerId));
  return catalog.tracers
    .filter(
      (tracer) =>
        tracer.tracerType === TracerType.Activity && produced.has(tracer.id) && !tracer.archived,
    )
    .sort((a, b) => a.shortname.localeCompare(b.shortname));
}

/** Isotopes with isotope productions, by name ("Ga-68"). */
export function producibleIsotopesOf(catalog: Catalog) {
  const produced = new Set(catalog.isotopeProductions.map((production) => production.isotopeId));
  return catalog.isotopes
    .filter((isotope) => produced.has(isotope.id))
    .map((isotope) => ({
      id: isotope.id,
      name: `${isotope.atomicLetter}-${isotope.atomicMass}${isotope.metastable ? 'm' : ''}`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function deadlineOf(catalog: Catalog, id: number | null): DeadlineRule | null {
  const row = catalog.deadlines.find((deadline) => deadline.id === id);
  if (row === undefined || row.deadlineTime === null) {
    return null;
  }
  return { deadlineType: row.deadlineType, deadlineTime: row.deadlineTime, weekday: row.weekday };
}

export default function OrdersPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  const timeZone = session.data?.timeZone ?? DEFAULT_TIME_ZONE;
  // Calendar colours change at most at a deadline: a minute's resolution is enough.
  const now = useSiteNow(timeZone, 60_000);
  const today = now.slice(0, 10);
  const [searchParams, setSearchParams] = useSearchParams();
  const date = dateParamOf(searchParams.get('date')) ?? today;
  const catalog = useCatalog();
  const orderWindow = useProductionWindow(date);

  const tracers = useMemo(
    () => (catalog.data ? productionTracersOf(catalog.data) : []),
    [catalog.data],
  );
  const isotopes = useMemo(
    () => (catalog.data ? producibleIsotopesOf(catalog.data) : []),
    [catalog.data],
  );
  const buttons: ProductButton[] = [
    ...tracers.map((tracer) => ({ view: `tracer-${tracer.id}` as const, label: tracer.shortname })),
    ...isotopes.map((isotope) => ({ view: `isotope-${isotope.id}` as const, label: isotope.name })),
    { view: 'special', label: t('orders.special') },
    { view: 'week', label: t('orders.weekPlan') },
  ];
  const view = catalog.data
    ? chosenOrdersView(
        searchParams.get('view'),
        buttons.map((button) => button.view),
      )
    : null;

  const statuses = useMemo(
    () =>
      catalog.data && orderWindow.data
        ? productStatuses(catalog.data, orderWindow.data, date)
        : new Map<never, never>(),
    [catalog.data, orderWindow.data, date],
  );
  const minute = `${now.slice(0, 16)}:00`;
  const coloursOf = useMemo(() => {
    if (!catalog.data) {
      return undefined;
    }
    const activityTracers = new Set(
      catalog.data.tracers
        .filter((tracer) => tracer.tracerType === TracerType.Activity)
        .map((tracer) => tracer.id),
    );
    return productionCalendarColours({
      productionWeekdays: catalog.data.productions
        .filter((production) => activityTracers.has(production.tracerId))
        .map((production) => production.weekday),
      activityOrders: orderWindow.data?.activityOrders ?? [],
      injectionOrders: orderWindow.data?.injectionOrders ?? [],
      activityDeadline: deadlineOf(catalog.data, catalog.data.globalDeadlines.activity),
      injectionDeadline: deadlineOf(catalog.data, catalog.data.globalDeadlines.injection),
      closedDates: catalog.data.closedDates.map((row) => row.closeDate),
      now: minute,
      timeZone,
    });
  }, [catalog.data, orderWindow.data, minute, timeZone]);

  const setParams = (next: { date?: string; view?: OrdersView }) => {
    const params: Record<string, string> = { date: next.date ?? date };
    const chosen = next.view ?? view;
    if (chosen !== null) {
      params.view = chosen;
    }
    if (next.view !== undefined) {
      rememberOrdersView(next.view);
    }
    setSearchParams(params);
  };

  const body = () => {
    if (catalog.data === undefined || view === null) {
      return catalog.isPending ? <p role="status">{t('loading', { ns: 'translation' })}</p> : null;
    }
    if (view === 'special') {
      return <SpecialView date={date} />;
    }
    if (view === 'week') {
      return <WeekPlanView catalog={catalog.data} orders={orderWindow.data} date={date} />;
    }
    const [kind, id] = view.split('-');
    if (kind === 'isotope') {
      return <IsotopeView date={date} isotopeId={Number(id)} />;
    }
    return (
      <ActivityView
        key={view}
        catalog={catalog.data}
        tracerId={Number(id)}
        date={date}
        today={today}
        timeZone={timeZone}
      />
    );
  };

  return (
    <div className="production-orders">
      <div className="production-orders__main">
        <h1>{t('orders.title', { date: formatDanishDate(date) })}</h1>
        <ProductButtons
          buttons={buttons}
          statuses={statuses}
          chosen={view}
          onChoose={(next) => setParams({ view: next })}
        />
        {catalog.data && tracers.length === 0 ? <p>{t('orders.noTracers')}</p> : null}
        {body()}
      </div>
      <aside className="production-orders__side">
        <MonthCalendar
          activeDate={date}
          onSelectDate={(next) => setParams({ date: next })}
          coloursOf={coloursOf}
        />
      </aside>
    </div>
  );
}
