/**
 * Finding and changing rows the way every set-up procedure does: a missing row is NOT_FOUND
 * with the Danish entity name, an edit changes only the fields it names, and the audit sees
 * the row before and after in its wire form.
 */
import type { CreationAttributes, Model, ModelStatic, Transaction } from 'sequelize';
import { notFound } from '../../errors';

/**
 * The row `id` of `model`, or NOT_FOUND. Inside a transaction the row is locked for update
 * (MySQL), so a concurrent edit cannot slip between the check and the write.
 */
export async function findRow<M extends Model>(
  model: ModelStatic<M>,
  id: number,
  entity: string,
  transaction?: Transaction,
): Promise<M> {
  const row =
    transaction === undefined
      ? await model.findByPk(id)
      : await model.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
  if (row === null) {
    throw notFound(entity);
  }
  return row;
}

/** The fields an edit input names: `id` and fields left out (undefined) are dropped. */
export type ChangesOf<T> = {
  [K in Exclude<keyof T, 'id'>]?: Exclude<T[K], undefined>;
};

export function changesOf<T extends { id: number }>(input: T): ChangesOf<T> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key !== 'id' && value !== undefined) {
      changes[key] = value;
    }
  }
  return changes as ChangesOf<T>;
}

/**
 * Applies `changes` to `row` and saves what really changed; returns whether anything did (an
 * edit that changes nothing is neither written nor audited).
 */
export async function saveChanges<M extends Model>(
  row: M,
  changes: object,
  transaction: Transaction,
): Promise<boolean> {
  // A field left out of an input may still be present as undefined; it changes nothing.
  const named = Object.entries(changes).filter(([, value]) => value !== undefined);
  row.set(Object.fromEntries(named) as Partial<M['_attributes']>);
  const changed = row.changed();
  if (changed === false || changed.length === 0) {
    return false;
  }
  await row.save({ transaction });
  return true;
}

/** Creates a row and reads it back, so the returned and published row has every column. */
export async function createRow<M extends Model>(
  model: ModelStatic<M>,
  values: CreationAttributes<M>,
  transaction: Transaction,
): Promise<M> {
  const row = await model.create(values, { transaction });
  await row.reload({ transaction });
  return row;
}
