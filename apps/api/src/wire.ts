/**
 * Rows as they travel to clients: plain objects, instants as ISO-8601 UTC strings, and
 * never a password hash.
 */
import type { CreationOptional, InferAttributes, Model } from 'sequelize';

/**
 * Sequelize marks defaulted fields with a symbol brand it does not export; a router type
 * carrying it cannot be named in declarations (TS4023), and on the wire every field is plain.
 */
type BrandKey = keyof CreationOptional<object>;
type Unbranded<T> = T extends infer U & { [P in BrandKey]?: true } ? U : T;

/** Distributes over unions: `Date | null` becomes `string | null`. */
type WireValue<T> = T extends Date ? string : T;

/** The wire type of an attribute set: brands removed, Date → string. */
export type Wire<T> = { [K in keyof T]: WireValue<Unbranded<T[K]>> };

/** The wire form of a model's rows. */
export type WireRow<M extends Model> = Wire<InferAttributes<M>>;

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
export function toWire<M extends Model>(row: M): WireRow<M> {
  return plain(row.get({ plain: true })) as WireRow<M>;
}

/** Many rows in their wire form. */
export function toWireList<M extends Model>(rows: readonly M[]): WireRow<M>[] {
  return rows.map((row) => toWire(row));
}
