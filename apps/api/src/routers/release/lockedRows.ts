/**
 * Reading the rows a signed action changes: all of them or a refusal, in the order the caller
 * named them, locked for the rest of the transaction (MySQL row locks; SQLite's write lock is
 * held from the start of the transaction), so two releases of one order cannot both pass.
 */
import { Op } from 'sequelize';
import type { Attributes, Model, ModelStatic, Transaction, WhereOptions } from 'sequelize';
import { notFound } from '../../errors';

/** Ids once each, in first-named order (the first is the pivot of a release). */
export function uniqueIds(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

/** The rows of `ids` in that order, locked; NOT_FOUND naming the missing ids otherwise. */
export async function lockRows<M extends Model & { id: number }>(
  model: ModelStatic<M>,
  entity: string,
  ids: readonly number[],
  transaction: Transaction,
): Promise<M[]> {
  const where = { id: { [Op.in]: [...ids] } } as WhereOptions<Attributes<M>>;
  const rows = await model.findAll({ where, transaction, lock: transaction.LOCK.UPDATE });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw notFound(entity, missing);
  }
  return ids.map((id) => byId.get(id) as M);
}
