/**
 * The monthly Excel export (docs/domain.md, docs/operations.md):
 * one sheet per customer (named by its short name) with its Released orders of the month –
 * activity orders as `A-<id>`, injection orders as `I-<id>` – and a sheet "Hætteglas" with
 * every vial filled in the month. Amounts are the raw numbers (no rounding); an activity
 * order's "Udleveret MBq" is core's delivered activity of the vials assigned to it (the pivot
 * of its release carries them), decay-corrected to the delivery time of the slot that
 * delivered it: the figure of the cards and the certificate. Dead orders are left out;
 * release times are on the site clock, or "Ukendt".
 */
import {
  OrderStatus,
  activeSlotIdOf,
  deliveredActivity,
  isDeadOrder,
  localDateTimeOfInstant,
} from '@tracershop/core';
import ExcelJS from 'exceljs';
import { Op } from 'sequelize';
import type { ApiServices } from '../services';
import type { RenderedDocument } from './documentAccess';
import { XLSX_TYPE } from './documentAccess';

export const VIALS_SHEET = 'Hætteglas';

export const ORDER_COLUMNS = [
  'Ordre id',
  'Tracer',
  'Dato',
  'Bestilt MBq',
  'Injektioner',
  'Bestilt tidspunkt',
  'Frigivelse tidspunkt',
  'Udleveret MBq',
] as const;

export const VIAL_COLUMNS = [
  'Tracer',
  'Aktivitet',
  'Volumen',
  'Batch nummer',
  'Dato',
  'Tappe tidspunkt',
  'Ejer',
] as const;

type Cell = string | number;

interface OrderLine {
  customerId: number;
  sortKey: string;
  cells: Cell[];
}

/** `'2026-12'` → first day of the month and of the next month, or null when invalid. */
export function monthRange(month: string): { from: string; until: string } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 12 || year < 1900) {
    return null;
  }
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, until: `${next}-01` };
}

/** An Excel sheet name: no `\ / ? * [ ] :`, at most 31 characters, unique in the book. */
export function sheetNameOf(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[\\/?*[\]:]/g, '-')
      .trim()
      .slice(0, 31) || 'Kunde';
  let candidate = base;
  for (let index = 2; taken.has(candidate.toLowerCase()); index += 1) {
    const suffix = ` (${index})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly string[],
  rows: readonly Cell[][],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((header) => ({ header, width: Math.max(12, header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row);
  }
}

/** The export of `month` (YYYY-MM); null when the month is not a month. */
export async function monthlyExportDocument(
  services: ApiServices,
  month: string,
): Promise<RenderedDocument | null> {
  const range = monthRange(month);
  if (range === null) {
    return null;
  }
  const { models } = services.db;
  const { timeZone } = services.config;
  const inMonth = { [Op.gte]: range.from, [Op.lt]: range.until };
  const [customers, endpoints, tracers, isotopes, productions, slots] = await Promise.all([
    models.Customer.findAll({ order: [['shortName', 'ASC']] }),
    models.DeliveryEndpoint.findAll(),
    models.Tracer.findAll(),
    models.Isotope.findAll(),
    models.ActivityProduction.findAll(),
    models.ActivityDeliveryTimeSlot.findAll(),
  ]);
  const [activityOrders, injectionOrders, filledVials] = await Promise.all([
    models.ActivityOrder.findAll({
      where: { status: OrderStatus.Released, deliveryDate: inMonth },
      order: [['id', 'ASC']],
    }),
    models.InjectionOrder.findAll({
      where: { status: OrderStatus.Released, deliveryDate: inMonth },
      order: [['id', 'ASC']],
    }),
    models.Vial.findAll({
      where: { fillDate: inMonth },
      order: [
        ['fillDate', 'ASC'],
        ['fillTime', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
  ]);
  const assignedVials =
    activityOrders.length === 0
      ? []
      : await models.Vial.findAll({
          where: { assignedToId: activityOrders.map((order) => order.id) },
        });

  const tracerName = (id: number | null | undefined) =>
    tracers.find((tracer) => tracer.id === id)?.shortname ?? 'Ukendt';
  const endpointCustomer = (id: number) =>
    endpoints.find((endpoint) => endpoint.id === id)?.customerId ?? null;
  const freedText = (freedAt: Date | null) =>
    freedAt === null ? 'Ukendt' : localDateTimeOfInstant(freedAt.getTime(), timeZone);

  const slotOf = (id: number) => slots.find((candidate) => candidate.id === id);
  const halflifeOfSlot = (slotId: number) => {
    const productionId = slotOf(slotId)?.productionId;
    const tracerId = productions.find((candidate) => candidate.id === productionId)?.tracerId;
    const isotopeId = tracers.find((tracer) => tracer.id === tracerId)?.isotopeId;
    return isotopes.find((isotope) => isotope.id === isotopeId)?.halflifeSeconds;
  };

  const lines: OrderLine[] = [];
  for (const order of activityOrders) {
    const slot = slotOf(order.orderedTimeSlotId);
    const activeSlot = slotOf(activeSlotIdOf(order));
    const halflifeSeconds = halflifeOfSlot(order.orderedTimeSlotId);
    const customerId = slot === undefined ? null : endpointCustomer(slot.endpointId);
    if (
      slot === undefined ||
      activeSlot === undefined ||
      halflifeSeconds === undefined ||
      customerId === null
    ) {
      continue;
    }
    const delivered = deliveredActivity(
      assignedVials.filter((vial) => vial.assignedToId === order.id),
      {
        date: order.deliveryDate,
        deliveryTime: activeSlot.deliveryTime,
        halflifeSeconds,
        timeZone,
      },
    );
    if (isDeadOrder(order, delivered)) {
      continue;
    }
    const production = productions.find((candidate) => candidate.id === slot.productionId);
    lines.push({
      customerId,
      sortKey: `${order.deliveryDate} ${slot.deliveryTime} A${String(order.id).padStart(10, '0')}`,
      cells: [
        `A-${order.id}`,
        tracerName(production?.tracerId),
        order.deliveryDate,
        order.orderedActivity,
        0,
        slot.deliveryTime,
        freedText(order.freedAt),
        delivered,
      ],
    });
  }
  for (const order of injectionOrders) {
    const customerId = endpointCustomer(order.endpointId);
    if (customerId === null) {
      continue;
    }
    lines.push({
      customerId,
      sortKey: `${order.deliveryDate} ${order.deliveryTime} I${String(order.id).padStart(10, '0')}`,
      cells: [
        `I-${order.id}`,
        tracerName(order.tracerId),
        order.deliveryDate,
        0,
        order.injections,
        order.deliveryTime,
        freedText(order.freedAt),
        0,
      ],
    });
  }
  lines.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tracershop';
  workbook.created = services.clock.now();
  const taken = new Set<string>([VIALS_SHEET.toLowerCase()]);
  for (const customer of customers) {
    addSheet(
      workbook,
      sheetNameOf(customer.shortName, taken),
      ORDER_COLUMNS,
      lines.filter((line) => line.customerId === customer.id).map((line) => line.cells),
    );
  }
  addSheet(
    workbook,
    VIALS_SHEET,
    VIAL_COLUMNS,
    filledVials.map((vial) => [
      tracerName(vial.tracerId),
      vial.activity,
      vial.volume,
      vial.lotNumber,
      vial.fillDate,
      vial.fillTime,
      customers.find((customer) => customer.id === vial.customerId)?.shortName ?? 'Ukendt Kunde',
    ]),
  );
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `tracershop-data-${month}.xlsx`, contentType: XLSX_TYPE, body };
}

/** The export's bytes; NOT_FOUND-free: throws RangeError for an invalid month. */
export async function renderMonthlyExport(services: ApiServices, month: string): Promise<Buffer> {
  const document = await monthlyExportDocument(services, month);
  if (document === null) {
    throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  }
  return document.body;
}
