/**
 * Records by their human names, for the audit trail in words: a delivery endpoint is
 * "RH KF – PET1", a delivery time "RH KF – PET1, mandag kl. 08:00", an activity order "til
 * RH KF – PET1, 07/12/2026 kl. 08:00". A book loads each record once (a page of events names
 * the same few customers and slots many times) and names a record that no longer exists from
 * the event's own snapshot where it can, else by its kind and number.
 */
import { formatDanishDate, formatShortTime } from '@tracershop/core';
import type { Model, ModelStatic } from 'sequelize';
import { isotopeName } from '../documents/documentFormats';
import type { ApiServices } from '../services';
import type { EntityKind, Language } from './auditVocabulary';
import { ENTITY_WORDS, LINE_WORDS, WEEKDAY_WORDS } from './auditVocabulary';

/** A stored record as plain values (a row's `get()` or an audit snapshot). */
export type Values = Record<string, unknown>;

/** The kinds that have a table of their own, by model name. */
const MODEL_OF: Partial<Record<EntityKind, string>> = {
  ActivityOrder: 'ActivityOrder',
  InjectionOrder: 'InjectionOrder',
  IsotopeOrder: 'IsotopeOrder',
  Vial: 'Vial',
  IsotopeVial: 'IsotopeVial',
  ReleaseRight: 'ReleaseRight',
  User: 'User',
  UserAssignment: 'UserAssignment',
  Customer: 'Customer',
  DeliveryEndpoint: 'DeliveryEndpoint',
  ActivityDeliveryTimeSlot: 'ActivityDeliveryTimeSlot',
  ActivityProduction: 'ActivityProduction',
  Tracer: 'Tracer',
  TracerCatalogPage: 'TracerCatalogPage',
  Isotope: 'Isotope',
  IsotopeProduction: 'IsotopeProduction',
  IsotopeDelivery: 'IsotopeDelivery',
  Deadline: 'Deadline',
  ClosedDate: 'ClosedDate',
  Booking: 'Booking',
  Location: 'Location',
  Procedure: 'Procedure',
  ProcedureIdentifier: 'ProcedureIdentifier',
  Printer: 'Printer',
  ServiceAddress: 'ServiceAddress',
  CustomerNotice: 'CustomerNotice',
  AuditReview: 'AuditReview',
};

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Words joined by spaces, the empty ones left out. */
function joined(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

function idOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

export class ReferenceBook {
  private readonly rows = new Map<string, Promise<Values | null>>();

  constructor(
    private readonly services: ApiServices,
    readonly language: Language,
  ) {}

  private model(kind: EntityKind): ModelStatic<Model> | null {
    const name = MODEL_OF[kind];
    if (name === undefined) {
      return null;
    }
    const models = this.services.db.models as unknown as Record<string, ModelStatic<Model>>;
    return models[name] ?? null;
  }

  /** Loads many records of one kind at once (one query), so naming them costs nothing more. */
  async prefetch(kind: EntityKind, ids: Iterable<number>): Promise<void> {
    const model = this.model(kind);
    const wanted = [...new Set(ids)].filter((id) => !this.rows.has(`${kind}:${id}`));
    if (model === null || wanted.length === 0) {
      return;
    }
    const loading = model.findAll({ where: { id: wanted } }).then((found) => {
      const byId = new Map(found.map((row) => [row.get('id') as number, row.get() as Values]));
      return byId;
    });
    for (const id of wanted) {
      this.rows.set(
        `${kind}:${id}`,
        loading.then((byId) => byId.get(id) ?? null),
      );
    }
    await loading;
  }

  /** The record as it is now, or null when it is gone (or has no table). */
  row(kind: EntityKind, id: number): Promise<Values | null> {
    const key = `${kind}:${id}`;
    let row = this.rows.get(key);
    if (row === undefined) {
      const model = this.model(kind);
      row =
        model === null
          ? Promise.resolve(null)
          : model.findByPk(id).then((found) => (found === null ? null : (found.get() as Values)));
      this.rows.set(key, row);
    }
    return row;
  }

  private words(key: keyof typeof LINE_WORDS): string {
    return LINE_WORDS[key][this.language];
  }

  /** "Aktivitetsordre 12": a record known only by its number. */
  numbered(kind: EntityKind, id: number): string {
    return `${ENTITY_WORDS[kind][this.language]} ${id}`;
  }

  /** The name of record `id` of `kind`, as the screens write it. */
  async name(kind: EntityKind, id: number): Promise<string> {
    if (kind === 'ActivityOrder' || kind === 'InjectionOrder' || kind === 'IsotopeOrder') {
      return `${this.words('order')} ${id}`; // as the order pages number them
    }
    const row = await this.row(kind, id);
    if (row === null) {
      return this.numbered(kind, id);
    }
    return (await this.nameOf(kind, row)) ?? this.numbered(kind, id);
  }

  private async reference(kind: EntityKind, value: unknown): Promise<string | null> {
    const id = idOf(value);
    return id === null ? null : this.name(kind, id);
  }

  private at(time: unknown): string {
    return `${this.words('at')} ${formatShortTime(text(time))}`;
  }

  private weekday(value: unknown): string {
    const day = typeof value === 'number' ? WEEKDAY_WORDS[value] : undefined;
    return day === undefined ? '' : day[this.language];
  }

  /** A production run: "FDG mandag kl. 06:30". */
  private production(product: string | null, row: Values): string | null {
    return row.productionTime === undefined
      ? null
      : joined(product ?? '?', this.weekday(row.weekday), this.at(row.productionTime));
  }

  /** A weekly delivery: "RH KF – PET1, mandag kl. 08:00" (the weekday is its production's). */
  private async delivery(
    row: Values,
    productionKind: 'ActivityProduction' | 'IsotopeProduction',
    productionId: unknown,
  ): Promise<string | null> {
    if (row.deliveryTime === undefined) {
      return null;
    }
    const endpoint = await this.reference('DeliveryEndpoint', row.endpointId);
    const production = idOf(productionId);
    const weekday =
      production === null
        ? ''
        : this.weekday((await this.row(productionKind, production))?.weekday);
    return `${endpoint ?? '?'}, ${joined(weekday, this.at(row.deliveryTime))}`;
  }

  /** An order by its weekly delivery: "til RH KF – PET1, 07/12/2026 kl. 08:00". */
  private async orderTo(
    row: Values,
    deliveryKind: 'ActivityDeliveryTimeSlot' | 'IsotopeDelivery',
    deliveryId: unknown,
  ): Promise<string | null> {
    const id = idOf(deliveryId);
    if (id === null || typeof row.deliveryDate !== 'string') {
      return null;
    }
    const delivery = await this.row(deliveryKind, id);
    const endpoint =
      delivery === null ? null : await this.reference('DeliveryEndpoint', delivery.endpointId);
    return (
      `${this.words('to')} ${endpoint ?? '?'}, ${formatDanishDate(row.deliveryDate)}` +
      (delivery === null ? '' : ` ${this.at(delivery.deliveryTime)}`)
    );
  }

  /**
   * A record's name from its values (a row now, or a snapshot of it); null when the values
   * do not say (a snapshot of another shape).
   */
  async nameOf(kind: EntityKind, row: Values): Promise<string | null> {
    switch (kind) {
      case 'Customer':
        return text(row.shortName) || null;
      case 'DeliveryEndpoint': {
        const customer = await this.reference('Customer', row.customerId);
        return row.name === undefined ? null : `${customer ?? '?'} – ${text(row.name)}`;
      }
      case 'Tracer':
        return text(row.shortname) || null;
      case 'Isotope':
        return typeof row.atomicLetter === 'string' && typeof row.atomicMass === 'number'
          ? isotopeName({
              atomicLetter: row.atomicLetter,
              atomicMass: row.atomicMass,
              metastable: row.metastable === true,
            })
          : null;
      case 'ActivityProduction':
        return this.production(await this.reference('Tracer', row.tracerId), row);
      case 'IsotopeProduction':
        return this.production(await this.reference('Isotope', row.isotopeId), row);
      case 'ActivityDeliveryTimeSlot':
        return this.delivery(row, 'ActivityProduction', row.productionId);
      case 'IsotopeDelivery':
        return this.delivery(row, 'IsotopeProduction', row.isotopeProductionId);
      case 'ActivityOrder':
        return this.orderTo(row, 'ActivityDeliveryTimeSlot', row.orderedTimeSlotId);
      case 'InjectionOrder': {
        if (typeof row.deliveryDate !== 'string') {
          return null;
        }
        const tracer = await this.reference('Tracer', row.tracerId);
        const endpoint = await this.reference('DeliveryEndpoint', row.endpointId);
        return (
          `${tracer ?? '?'} ${this.words('to')} ${endpoint ?? '?'}, ` +
          `${formatDanishDate(row.deliveryDate)} ${this.at(row.deliveryTime)}`
        );
      }
      case 'IsotopeOrder':
        return this.orderTo(row, 'IsotopeDelivery', row.isotopeDeliveryId);
      case 'Vial': {
        if (typeof row.lotNumber !== 'string') {
          return null;
        }
        const customer = await this.reference('Customer', row.customerId);
        return `${row.lotNumber} (${customer ?? this.words('qualityControl')})`;
      }
      case 'IsotopeVial':
        return text(row.batchNumber) || null;
      case 'TracerCatalogPage': {
        const tracer = await this.reference('Tracer', row.tracerId);
        const endpoint = await this.reference('DeliveryEndpoint', row.endpointId);
        return tracer === null && endpoint === null
          ? null
          : `${tracer ?? '?'} – ${endpoint ?? '?'}`;
      }
      case 'Deadline':
        return row.deadlineTime === undefined
          ? null
          : joined(this.weekday(row.weekday), this.at(row.deadlineTime));
      case 'ClosedDate':
        return typeof row.closeDate === 'string' ? formatDanishDate(row.closeDate) : null;
      case 'Booking':
        return text(row.accessionNumber) || null;
      case 'Location':
        return text(row.commonName) || text(row.locationCode) || null;
      case 'ProcedureIdentifier':
        return row.code === undefined ? null : `${text(row.code)} ${text(row.description)}`.trim();
      case 'Procedure': {
        const code = await this.reference('ProcedureIdentifier', row.procedureIdentifierId);
        const endpoint = await this.reference('DeliveryEndpoint', row.endpointId);
        return code === null ? null : `${code} – ${endpoint ?? '?'}`;
      }
      case 'ReleaseRight': {
        const product =
          (await this.reference('Tracer', row.tracerId)) ??
          (await this.reference('Isotope', row.isotopeId));
        return row.userName === undefined ? null : `${text(row.userName)}: ${product ?? '?'}`;
      }
      case 'User':
        return text(row.displayName) || text(row.username) || null;
      case 'UserAssignment': {
        const user = await this.reference('User', row.userId);
        const customer = await this.reference('Customer', row.customerId);
        return user === null ? null : `${user} – ${customer ?? '?'}`;
      }
      case 'Printer':
        return text(row.name) || null;
      case 'ServiceAddress':
        return text(row.description) || text(row.host) || null;
      case 'CustomerNotice': {
        const message = text(row.message);
        return message === '' ? null : message.length > 40 ? `${message.slice(0, 39)}…` : message;
      }
      case 'AuditReview':
        return typeof row.fromDate === 'string' && typeof row.toDate === 'string'
          ? `${formatDanishDate(row.fromDate)}–${formatDanishDate(row.toDate)}`
          : null;
      case 'Recall':
        return text(row.lot) || null;
      case 'AuditExport':
        return text(row.format) ? `${text(row.format).toUpperCase()}` : null;
      default:
        return null;
    }
  }
}
