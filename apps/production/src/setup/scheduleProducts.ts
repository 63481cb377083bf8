/**
 * The products of the weekly schedule: activity tracers (productions and delivery slots) and
 * isotopes (isotope productions and deliveries), as the options of one select, their runs and
 * the days of the week (Monday = 0).
 */
import type { Weekday } from '@tracershop/core';
import { TracerType } from '@tracershop/core';
import type { Catalog } from '../productionApi';

export type Isotope = Catalog['isotopes'][number];

export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

export type ScheduleProduct =
  | { kind: 'tracer'; id: number; key: string; label: string }
  | { kind: 'isotope'; id: number; key: string; label: string };

/** "F-18", "Tc-99m". */
export function isotopeLabel(isotope: Isotope): string {
  return `${isotope.atomicLetter}-${isotope.atomicMass}${isotope.metastable ? 'm' : ''}`;
}

/**
 * Activity tracers in use, then isotopes; `producibleIsotopesOnly` keeps the isotopes that
 * have a production (the delivery form: an isotope without one cannot be delivered).
 */
export function scheduleProductsOf(
  catalog: Catalog,
  producibleIsotopesOnly: boolean,
): ScheduleProduct[] {
  const tracers = catalog.tracers
    .filter((tracer) => tracer.tracerType === TracerType.Activity && !tracer.archived)
    .sort((a, b) => a.shortname.localeCompare(b.shortname))
    .map((tracer): ScheduleProduct => ({
      kind: 'tracer',
      id: tracer.id,
      key: `tracer-${tracer.id}`,
      label: tracer.shortname,
    }));
  const produced = new Set(catalog.isotopeProductions.map((production) => production.isotopeId));
  const isotopes = catalog.isotopes
    .filter((isotope) => !producibleIsotopesOnly || produced.has(isotope.id))
    .map((isotope): ScheduleProduct => ({
      kind: 'isotope',
      id: isotope.id,
      key: `isotope-${isotope.id}`,
      label: isotopeLabel(isotope),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [...tracers, ...isotopes];
}

/** A run of the product (activity production or isotope production), in weekday order. */
export interface ScheduleRun {
  id: number;
  weekday: number;
  productionTime: string;
}

export function runsOf(catalog: Catalog, product: ScheduleProduct | null): ScheduleRun[] {
  if (product === null) {
    return [];
  }
  const runs: ScheduleRun[] =
    product.kind === 'tracer'
      ? catalog.productions.filter((run) => run.tracerId === product.id)
      : catalog.isotopeProductions.filter((run) => run.isotopeId === product.id);
  return [...runs].sort(
    (a, b) => a.weekday - b.weekday || a.productionTime.localeCompare(b.productionTime),
  );
}
