/**
 * The inputs of the vial reads that core does not define (the vial page's filters, the
 * release modal's vials) and how they become queries.
 */
import { fieldSchemas, localDateTimeOf, instantOfLocalDateTime, addDays } from '@tracershop/core';
import { z } from 'zod';

const { dateText, id } = fieldSchemas;

/** Rows per page of a vial list, and the most a caller may ask for. */
export const DEFAULT_VIAL_PAGE = 200;
export const MAX_VIAL_PAGE = 1000;

const page = {
  limit: z.number().int().min(1).max(MAX_VIAL_PAGE).optional(),
  offset: z.number().int().min(0).max(1_000_000).optional(),
};

/** One day or a range of fill dates: not both. */
function oneDayOrRange(input: { date?: string; from?: string; to?: string }): boolean {
  return input.date === undefined || (input.from === undefined && input.to === undefined);
}

/**
 * The vial page's filters (the user guides in docs/). The lot filter is a part of a lot
 * number (letters, digits, dashes), matched anywhere: the legacy's regular expression is not
 * run on the server, and the restricted alphabet needs no escaping in LIKE.
 */
export const vialListInput = z
  .strictObject({
    date: dateText.optional(),
    from: dateText.optional(),
    to: dateText.optional(),
    customerId: id.optional(),
    tracerId: id.optional(),
    lotNumber: z
      .string()
      .trim()
      .max(32)
      .regex(/^[A-Za-z0-9-]*$/)
      .optional(),
    assigned: z.boolean().optional(),
    ...page,
  })
  .refine(oneDayOrRange, { path: ['date'] });
export type VialListInput = z.infer<typeof vialListInput>;

/** The vials of a delivery (slot, date), for the release modal. */
export const vialsForSlotInput = z.strictObject({ slotId: id, date: dateText });

/** Isotope vials by calibration day (site calendar), isotope and delivery. */
export const isotopeVialListInput = z
  .strictObject({
    date: dateText.optional(),
    from: dateText.optional(),
    to: dateText.optional(),
    isotopeId: id.optional(),
    delivered: z.boolean().optional(),
    ...page,
  })
  .refine(oneDayOrRange, { path: ['date'] });
export type IsotopeVialListInput = z.infer<typeof isotopeVialListInput>;

/** The released vials of one endpoint on one day (shop). */
export const releasedVialsInput = z.strictObject({ endpointId: id, date: dateText });

/** The first instant of `date` on the site calendar. */
export function startOfSiteDay(date: string, timeZone: string): Date {
  return new Date(
    instantOfLocalDateTime(localDateTimeOf(date, '00:00:00'), timeZone).epochMilliseconds,
  );
}

/** The first instant after `date` on the site calendar (days may be 23 or 25 hours). */
export function endOfSiteDay(date: string, timeZone: string): Date {
  return startOfSiteDay(addDays(date, 1), timeZone);
}

/** The inclusive fill-date range of a list input, or null for no date filter. */
export function dateRangeOf(input: {
  date?: string;
  from?: string;
  to?: string;
}): { from?: string; to?: string } | null {
  if (input.date !== undefined) {
    return { from: input.date, to: input.date };
  }
  if (input.from === undefined && input.to === undefined) {
    return null;
  }
  return { from: input.from, to: input.to };
}

export function pageOf(input: { limit?: number; offset?: number }): {
  limit: number;
  offset: number;
} {
  return { limit: input.limit ?? DEFAULT_VIAL_PAGE, offset: input.offset ?? 0 };
}
