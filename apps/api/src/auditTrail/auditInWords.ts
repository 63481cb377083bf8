/**
 * The audit trail in words (docs/domain.md, "The audit trail in words"): each stored event as
 * a line people read — who, what was done, to which record by its human name ("Aktivitetsordre
 * til RH KF – PET1, 07/12/2026 kl. 08:00"), and what changed, field by field as the screens
 * name the fields and show the values. The admin page, the PDF and the CSV export all show
 * these lines; the stored keys and ids stay with each line for the expert.
 */
import {
  formatActivity,
  formatCount,
  formatDanishDate,
  formatDanishDateTime,
  formatDecimal,
  formatShortTime,
  formatVolume,
  localDateTimeOfInstant,
} from '@tracershop/core';
import type { AuditEvent } from '@tracershop/db';
import type { ApiServices } from '../services';
import { auditChanges, isRecord } from './auditChanges';
import { ReferenceBook } from './auditReferences';
import type { Values } from './auditReferences';
import type { EntityKind, FieldWords, Language, ValueKind, Words } from './auditVocabulary';
import {
  ACTION_WORDS,
  BOOKING_STATUS_WORDS,
  ENTITY_FIELD_WORDS,
  ENTITY_WORDS,
  FIELD_WORDS,
  isEntityKind,
  LINE_WORDS,
  ORDER_STATUS_WORDS,
  USER_GROUP_WORDS,
  VALUE_WORDS,
  VERB_WORDS,
  WEEKDAY_WORDS,
} from './auditVocabulary';

/** One changed field in words. */
export interface ChangeInWords {
  /** The stored path (`vials[55].assignedToId`), for the expert. */
  field: string;
  /** The field as the screens call it ("Hætteglas 55: Tildelt ordre"); '' for a bare value. */
  label: string;
  /** Absent for a new value. */
  before?: string;
  /** Absent for a removed value. */
  after?: string;
}

/** One audit event in words, with the stored event beside it. */
export interface AuditLine {
  id: number;
  at: string;
  /** When, on the site's wall clock to the second: '07/12/2026 06:12:09'. */
  atText: string;
  actorId: number | null;
  /** The stored name; null for the system. */
  actorName: string | null;
  /** Who, in words ("System" for the services). */
  actorText: string;
  action: string;
  /** What was done: "frigivet". */
  actionText: string;
  entity: string;
  entityId: number | null;
  /** The kind of record: "Aktivitetsordre". */
  kindText: string;
  /** The record by its name ("til RH KF – PET1, 07/12/2026 kl. 08:00"); null if it has none. */
  identity: string | null;
  /** Kind and name together: "Aktivitetsordre til RH KF – PET1, 07/12/2026 kl. 08:00". */
  subject: string;
  /** "Oprettet" / "Slettet" for a creation or deletion, else null. */
  lifecycle: string | null;
  changes: ChangeInWords[];
  /** The reason the user gave for the change, where one was asked for; else null. */
  reason: string | null;
  /** The stored snapshots, for the expert. */
  before: unknown;
  after: unknown;
  hash: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The one word of a value among named values, or the value itself. */
function named(table: Record<string | number, Words>, value: unknown, language: Language): string {
  const words = typeof value === 'string' || typeof value === 'number' ? table[value] : undefined;
  return words === undefined ? String(value) : words[language];
}

function numberText(value: number, language: Language): string {
  return Number.isInteger(value)
    ? formatCount(value, language)
    : formatDecimal(value, Math.min(3, String(value).split('.')[1]?.length ?? 0), language);
}

/** Which entity kind a row list holds (`vials[55]` → Vial). */
const ROW_LISTS: Record<string, EntityKind> = {
  orders: 'ActivityOrder',
  vials: 'Vial',
  isotopeVials: 'IsotopeVial',
};

export class AuditWords {
  readonly book: ReferenceBook;

  constructor(
    services: ApiServices,
    readonly language: Language,
    private readonly timeZone: string,
  ) {
    this.book = new ReferenceBook(services, language);
  }

  private say(words: Words): string {
    return words[this.language];
  }

  /** A site wall-clock time of an instant: '07/12/2026 06:12' (with seconds on request). */
  instantText(instant: string | Date, withSeconds = false): string {
    const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    return formatDanishDateTime(localDateTimeOfInstant(ms, this.timeZone), withSeconds);
  }

  /** A stored value as the screens show it. */
  async valueText(value: unknown, kind: ValueKind): Promise<string> {
    if (value === null || value === undefined || value === '') {
      return '–';
    }
    if (typeof kind === 'object') {
      if ('ref' in kind) {
        return typeof value === 'number' ? this.book.name(kind.ref, value) : String(value);
      }
      const ids = Array.isArray(value) ? value : [value];
      const names = await Promise.all(
        ids.map((id) => (typeof id === 'number' ? this.book.name(kind.refs, id) : String(id))),
      );
      return names.join(', ');
    }
    const { language } = this;
    switch (kind) {
      case 'activity':
        return typeof value === 'number' ? formatActivity(value, language) : String(value);
      case 'volume':
        return typeof value === 'number' ? formatVolume(value, language) : String(value);
      case 'number':
        return typeof value === 'number' ? numberText(value, language) : String(value);
      case 'percent':
        return `${String(value)} %`;
      case 'hours':
        return `${String(value)} ${this.say(LINE_WORDS.hours)}`;
      case 'minutes':
        return `${String(value)} ${this.say(LINE_WORDS.minutes)}`;
      case 'seconds':
        return typeof value === 'number'
          ? `${numberText(value, language)} ${this.say(LINE_WORDS.seconds)}`
          : String(value);
      case 'flag':
        return this.say(value === true ? VALUE_WORDS.yes : VALUE_WORDS.no);
      case 'date':
        return typeof value === 'string' ? formatDanishDate(value) : String(value);
      case 'time':
        return typeof value === 'string' ? formatShortTime(value) : String(value);
      case 'instant':
        return typeof value === 'string' && INSTANT.test(value)
          ? this.instantText(value)
          : String(value);
      case 'orderStatus':
        return named(ORDER_STATUS_WORDS, value, language);
      case 'bookingStatus':
        return named(BOOKING_STATUS_WORDS, value, language);
      case 'weekday':
        return named(Object.fromEntries(WEEKDAY_WORDS.entries()), value, language);
      case 'userGroup':
        return named(USER_GROUP_WORDS, value, language);
      case 'deadlineType':
      case 'deadlineScope':
      case 'tracerType':
      case 'tracerUsage':
      case 'weeklyRepeat':
      case 'meaning':
      case 'refusedBecause':
      case 'userSource':
      case 'tokenAccess':
        return named(VALUE_WORDS[kind], value, language);
      case 'actionName':
        return this.actionText(String(value));
      case 'entityName':
        return this.kindText(String(value));
      case 'localDateTime':
        return typeof value === 'string' ? formatDanishDateTime(value) : String(value);
      case 'breaches':
        return Array.isArray(value)
          ? value.map((breach) => this.breachText(breach)).join('; ')
          : String(value);
      case 'hash':
      case 'text':
        if (Array.isArray(value)) {
          return value.map(String).join(', ');
        }
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }

  /** "Største aktivitet pr. ordre: 60 000 MBq (højst 50 000 MBq)". */
  private breachText(breach: unknown): string {
    if (!isRecord(breach) || typeof breach.value !== 'number' || typeof breach.max !== 'number') {
      return JSON.stringify(breach);
    }
    const injections = breach.limit === 'injectionsPerOrder';
    const amount = (value: number) =>
      injections ? formatCount(value, this.language) : formatActivity(value, this.language);
    return (
      `${named(VALUE_WORDS.limits, breach.limit, this.language)}: ${amount(breach.value)} ` +
      `(${this.say(LINE_WORDS.atMost)} ${amount(breach.max)})`
    );
  }

  /** What an action did: "frigivet". */
  actionText(action: string): string {
    const special = ACTION_WORDS[action];
    if (special !== undefined) {
      return this.say(special);
    }
    const verb = action.split('.').slice(1).join('_');
    const words = (VERB_WORDS as Record<string, Words>)[verb];
    return words === undefined ? action : this.say(words);
  }

  /** The kind of record an event is about, in words. */
  kindText(entity: string): string {
    return isEntityKind(entity) ? this.say(ENTITY_WORDS[entity]) : entity;
  }

  /**
   * A field's words and label from its stored path: `status` → "Status",
   * `vials[55].assignedToId` → "Hætteglas 55: Tildelt ordre", `signedBy.name` →
   * "Underskrevet af". Null for a field kept only for the expert (an id beside its name).
   */
  fieldOf(entity: string, path: string): { label: string; words: FieldWords | null } | null {
    const own = isEntityKind(entity) ? ENTITY_FIELD_WORDS[entity] : undefined;
    if (path === '') {
      return { label: '', words: { label: { da: '', en: '' }, value: 'text' } };
    }
    const labels: string[] = [];
    let words: FieldWords | undefined;
    for (const segment of path.split('.')) {
      const listed = /^(\w+)\[([^\]]+)\]$/.exec(segment);
      if (listed !== null) {
        const [, key = '', id = ''] = listed;
        const kind = ROW_LISTS[key];
        labels.push(kind === undefined ? `${key} ${id}` : `${this.say(ENTITY_WORDS[kind])} ${id}`);
        words = undefined;
        continue;
      }
      const found =
        own !== undefined && labels.length === 0 && Object.hasOwn(own, segment)
          ? own[segment]
          : FIELD_WORDS[segment];
      if (found === null) {
        return null; // an id beside its name: for the expert only
      }
      words = found;
      if (words === undefined) {
        labels.push(segment); // no words: shown as stored (the vocabulary test forbids this)
      } else if (!(segment === 'name' && labels.length > 0)) {
        labels.push(this.say(words.label)); // `signedBy.name`: the parent's label says it
      }
    }
    if (words === undefined) {
      return { label: labels.join(': '), words: null };
    }
    return { label: labels.join(': '), words };
  }

  /**
   * Stored values of a record of `entity` as "Label: value" texts, as a line shows new values
   * (an id kept for the expert is left out).
   */
  async valuesText(entity: string, values: Record<string, unknown>): Promise<string[]> {
    const texts: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      const field = this.fieldOf(entity, key);
      if (field !== null) {
        const after = await this.valueText(value, field.words?.value ?? 'text');
        texts.push(changeText({ field: key, label: field.label, after }));
      }
    }
    return texts;
  }

  /** Each event of `rows` in words, in the same order. */
  async describe(rows: readonly AuditEvent[]): Promise<AuditLine[]> {
    await this.prefetch(rows);
    return Promise.all(rows.map((row) => this.line(row)));
  }

  /** Loads the records a page of events names, a query per kind. */
  private async prefetch(rows: readonly AuditEvent[]): Promise<void> {
    const wanted = new Map<EntityKind, Set<number>>();
    const want = (kind: EntityKind, id: number | null) => {
      if (id !== null) {
        const ids = wanted.get(kind) ?? new Set<number>();
        ids.add(id);
        wanted.set(kind, ids);
      }
    };
    for (const row of rows) {
      if (isEntityKind(row.entity)) {
        want(row.entity, row.entityId);
      }
      for (const snapshot of [row.before, row.after]) {
        const values = snapshot === null ? null : (JSON.parse(snapshot) as unknown);
        if (!isRecord(values)) {
          continue;
        }
        for (const [key, value] of Object.entries(values)) {
          const words = FIELD_WORDS[key];
          if (words && typeof words.value === 'object' && 'ref' in words.value) {
            want(words.value.ref, typeof value === 'number' ? value : null);
          }
        }
      }
    }
    await Promise.all([...wanted].map(([kind, ids]) => this.book.prefetch(kind, ids)));
  }

  /** The record's name: from the event's own snapshot when it is one of the record, else now. */
  private async identity(row: AuditEvent, before: unknown, after: unknown): Promise<string | null> {
    const kind = row.entity;
    if (!isEntityKind(kind)) {
      return null;
    }
    for (const snapshot of [after, before]) {
      if (isRecord(snapshot) && (row.entityId === null || snapshot.id === row.entityId)) {
        const name = await this.book.nameOf(kind, snapshot as Values);
        if (name !== null) {
          return name;
        }
      }
    }
    if (row.entityId === null) {
      return null;
    }
    const now = await this.book.row(kind, row.entityId);
    const name = now === null ? null : await this.book.nameOf(kind, now);
    return name ?? String(row.entityId);
  }

  async line(row: AuditEvent): Promise<AuditLine> {
    const before = row.before === null ? null : (JSON.parse(row.before) as unknown);
    const after = row.after === null ? null : (JSON.parse(row.after) as unknown);
    const creation =
      before === null && after !== null && /\.(create|import|provision)$/.test(row.action);
    const deletion = after === null && before !== null && row.action.endsWith('.delete');
    const changes: ChangeInWords[] = [];
    for (const change of auditChanges(before, after)) {
      const field = this.fieldOf(row.entity, change.field);
      const emptyNewValue = !('before' in change) && (change.after === null || change.after === '');
      if (field === null || (creation && emptyNewValue)) {
        continue; // an id kept for the expert; a new record's empty fields
      }
      const kind = field.words?.value ?? 'text';
      const described: ChangeInWords = { field: change.field, label: field.label };
      if (change.removed) {
        described.after = this.say(LINE_WORDS.removed);
      }
      if ('before' in change) {
        described.before = await this.valueText(change.before, kind);
      }
      if ('after' in change) {
        described.after = await this.valueText(change.after, kind);
      }
      changes.push(described);
    }
    const kindText = this.kindText(row.entity);
    const identity = await this.identity(row, before, after);
    return {
      id: row.id,
      at: row.at.toISOString(),
      atText: this.instantText(row.at, true),
      actorId: row.actorId,
      actorName: row.actorName,
      actorText: row.actorName ?? this.say(LINE_WORDS.system),
      action: row.action,
      actionText: this.actionText(row.action),
      entity: row.entity,
      entityId: row.entityId,
      kindText,
      identity,
      subject: identity === null ? kindText : `${kindText} ${identity}`,
      lifecycle: creation
        ? this.say(LINE_WORDS.created)
        : deletion
          ? this.say(LINE_WORDS.deleted)
          : null,
      changes,
      reason: row.reason ?? null,
      before,
      after,
      hash: row.hash,
    };
  }
}

/** "Aktivitetsordre til RH KF – PET1, 07/12/2026 kl. 08:00: frigivet" — the line as a sentence. */
export function sentenceOf(line: Pick<AuditLine, 'subject' | 'actionText'>): string {
  return `${line.subject}: ${line.actionText}`;
}

/**
 * "Status: Bestilt → Accepteret" — a change as text (`arrow` '->' where the font has no →, as
 * in the PDF's standard fonts).
 */
export function changeText(change: ChangeInWords, arrow = '→'): string {
  const values =
    change.before !== undefined && change.after !== undefined
      ? `${change.before} ${arrow} ${change.after}`
      : (change.after ?? change.before ?? '');
  return change.label === '' ? values : `${change.label}: ${values}`;
}
