/**
 * Rows as they travel to clients: plain objects, instants as ISO-8601 UTC strings, and
 * never a password hash.
 */
import type { InferAttributes, Model } from 'sequelize';

/** The wire type of an attribute set: Date → string. */
export type Wire<T> = {
  [K in keyof T]: T[K] extends Date
    ? string
    : T[K] extends Date | null
      ? string | null
      : T[K] extends Date | null | undefined
        ? string | null | undefined
        : T[K];
};

/** Fields that never leave the server. */
const SECRET_FIELDS = new Set(['passwordHash', 'usernameKey']);

function plain(value: unknown): unknown {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map(plain);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!SECRET_FIELDS.has(key)) {
        out[key] = plain(inner);
      }
    }
    return out;
  }
  return value;
}

/** One model row in its wire form. */
export function toWire<M extends Model>(row: M): Wire<InferAttributes<M>> {
  return plain(row.get({ plain: true })) as Wire<InferAttributes<M>>;
}

/** Many rows in their wire form. */
export function toWireList<M extends Model>(rows: readonly M[]): Wire<InferAttributes<M>>[] {
  return rows.map((row) => toWire(row));
}
