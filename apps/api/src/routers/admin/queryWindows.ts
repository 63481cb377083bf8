/**
 * The filters the admin queries share: an instant window and pages of rows, newest first.
 */
import { fieldSchemas } from '@tracershop/core';
import { Op } from 'sequelize';
import type { WhereOptions } from 'sequelize';

const { instantText, wholeNumber } = fieldSchemas;

/** Rows at or after `from` and before `to` (ISO-8601 instants). */
export const instantWindowFields = {
  from: instantText.optional(),
  to: instantText.optional(),
};

/** Page 1 is the newest; at most 500 rows a page (default 50). */
export const pageFields = {
  page: wholeNumber(1, 1_000_000).optional(),
  pageSize: wholeNumber(1, 500).optional(),
};

export const DEFAULT_PAGE_SIZE = 50;

/** The `at` condition of an instant window, or none. */
export function instantWindow(from: string | undefined, to: string | undefined): WhereOptions {
  const at: Record<symbol, Date> = {};
  if (from !== undefined) {
    at[Op.gte] = new Date(from);
  }
  if (to !== undefined) {
    at[Op.lt] = new Date(to);
  }
  return from === undefined && to === undefined ? {} : { at };
}

/** Limit and offset of a page. */
export function pageOf(page: number | undefined, pageSize: number | undefined) {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  const number = page ?? 1;
  return { page: number, pageSize: size, limit: size, offset: (number - 1) * size };
}
