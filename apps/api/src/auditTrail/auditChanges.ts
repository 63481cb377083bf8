/**
 * What an audit event changed, field by field (docs/domain.md, "The audit trail in words"):
 * - an edit: the fields whose value differs, old → new; nested objects field by field
 *   (`order.status`) and lists of rows by their ids (`vials[55].assignedToId`);
 * - a creation: every new value; a deletion: every old value;
 * - a signed action (release, correction) stores the orders before and the signature manifest
 *   after, snapshots of different shapes: fields only the manifest has are listed as new
 *   values (`signedBy.name`), fields only the "before" has are left to the full snapshots.
 * Snapshots that are not objects (a list of ids, a number) count as one unnamed field.
 */

export interface FieldChange {
  /** The field's path; '' for a snapshot that is not an object. */
  field: string;
  /** Absent for a new value. */
  before?: unknown;
  /** Absent for a removed value. */
  after?: unknown;
  /** A row taken out of a list of rows (`vials[55]`): the row itself is the change. */
  removed?: true;
}

/** A field one snapshot does not have at all (unlike a field whose value is null). */
const ABSENT = Symbol('absent');

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

type IdentifiedRow = Record<string, unknown> & { id: string | number };

function isRowList(value: unknown): value is IdentifiedRow[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (item) => isRecord(item) && (typeof item.id === 'number' || typeof item.id === 'string'),
    )
  );
}

function fieldOf(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : ABSENT;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Every leaf of a value as new (or old) values; a list of rows row by row. */
function collectValues(path: string, value: unknown, side: 'before' | 'after', out: FieldChange[]) {
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) {
      collectValues(join(path, key), inner, side, out);
    }
    return;
  }
  if (isRowList(value)) {
    for (const row of value) {
      collectValues(`${path}[${row.id}]`, row, side, out);
    }
    return;
  }
  out.push(side === 'after' ? { field: path, after: value } : { field: path, before: value });
}

function collectChanges(path: string, before: unknown, after: unknown, out: FieldChange[]): void {
  if (after === ABSENT) {
    return; // only in the "before" snapshot: not a change, shown with the full snapshots
  }
  if (before === ABSENT) {
    collectValues(path, after, 'after', out);
    return;
  }
  if (same(before, after)) {
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      collectChanges(join(path, key), fieldOf(before, key), fieldOf(after, key), out);
    }
    return;
  }
  if (isRowList(before) && isRowList(after)) {
    const ids = new Set([...before, ...after].map((row) => String(row.id)));
    for (const id of ids) {
      const old = before.find((row) => String(row.id) === id) ?? ABSENT;
      const next = after.find((row) => String(row.id) === id) ?? ABSENT;
      if (old === ABSENT) {
        collectValues(`${path}[${id}]`, next, 'after', out);
      } else if (next === ABSENT) {
        out.push({ field: `${path}[${id}]`, removed: true });
      } else {
        collectChanges(`${path}[${id}]`, old, next, out);
      }
    }
    return;
  }
  out.push({ field: path, before, after });
}

export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (hasBefore && hasAfter) {
    collectChanges('', before, after, changes);
  } else if (hasAfter) {
    collectValues('', after, 'after', changes);
  } else if (hasBefore) {
    collectValues('', before, 'before', changes);
  }
  return changes;
}
