/**
 * The audit trail in words (`admin.auditTrail`, docs/domain.md "The audit trail in words"):
 * every action the api and the database package write has words in Danish and English, every
 * stored field of every audited record has a name as the screens call it, and a real trail
 * (the demo site's seed, a delivery ordered, accepted, dispensed, released, corrected, a vial
 * edited, an order over its limit, a password changed, a lot's recall exported) reads as lines
 * without one stored key in them. The filters by customer and by lot find their records' events
 * and no other customer's.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, DeadlineScope } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditWords } from '../src/auditTrail/auditInWords';
import type { AuditLine } from '../src/auditTrail/auditInWords';
import {
  ENTITY_WORDS,
  FIELD_WORDS,
  isEntityKind,
  LANGUAGES,
} from '../src/auditTrail/auditVocabulary';
import { DeliveryDay, LONG_SESSIONS } from './deliveryDay';
import { createHash, randomUUID } from 'node:crypto';
import { fetchDocument, pdfPages } from './documentReaders';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';

const DATE = '2027-04-21';
const LOT = 'FDG-270421-1';

/** Every `.ts` file under `dir` (tests left out). */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourcesUnder(path);
    }
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The actions the code writes: each `'entity.verb'` literal on a line that speaks of an action,
 * and the actions built from parts (the order changes and the refused signatures).
 */
function writtenActions(): string[] {
  const roots = ['../src', '../../../packages/db/src'].map(
    (dir) => new URL(dir, import.meta.url).pathname,
  );
  const found = new Set<string>();
  for (const file of roots.flatMap(sourcesUnder)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/action|audit\(/i.test(line) || /^\s*(\*|\/\/)/.test(line)) {
        continue;
      }
      for (const match of line.matchAll(
        /'([a-z][A-Za-z]+\.[a-z][A-Za-z]+(?:\.[a-z][A-Za-z]+)?)'/g,
      )) {
        found.add(match[1] ?? '');
      }
    }
  }
  // Permissions (a document route's `action`) and message keys share the shape.
  for (const notAnAction of [...ACTIONS, 'input.invalid']) {
    found.delete(notAnAction);
  }
  for (const order of ['activityOrder', 'injectionOrder', 'isotopeOrder']) {
    for (const verb of [
      'accept',
      'reject',
      'unreject',
      'move',
      'restore',
      'editDose',
      'delete',
      'edit',
    ]) {
      found.add(`${order}.${verb}`);
    }
    found.add(`${order}.release.signatureRefused`);
    found.add(`${order}.correct.signatureRefused`);
  }
  found.add('activityOrder.limitOverride');
  found.add('injectionOrder.limitOverride');
  found.add('injectionOrder.releaseMany.signatureRefused');
  found.add('auditReview.create.signatureRefused');
  return [...found].sort();
}

/** A stored key (camelCase, or a JSON member) left in text people read. */
const RAW_KEY = /\b[a-z]+[A-Z][A-Za-z]*\b|"[a-zA-Z]+":/;

function rawKeysIn(line: AuditLine): string[] {
  const texts = [
    line.actionText,
    line.kindText,
    line.identity ?? '',
    ...line.changes.flatMap((change) => [change.label, change.before ?? '', change.after ?? '']),
  ];
  return texts.filter((text) => RAW_KEY.test(text)).map((text) => `${line.action}: ${text}`);
}

describe('the words of the audit trail', () => {
  it('[URS-AUD-006] has words in Danish and English for every action the code writes', () => {
    const words = {
      da: new AuditWords({} as never, 'da', 'Europe/Copenhagen'),
      en: new AuditWords({} as never, 'en', 'Europe/Copenhagen'),
    };
    const actions = writtenActions();
    expect(actions.length).toBeGreaterThan(80);
    const missing = actions.filter((action) =>
      LANGUAGES.some((language) => words[language].actionText(action) === action),
    );
    expect(missing).toEqual([]);
    const entities = actions
      .map((action) => action.split('.')[0] ?? '')
      .map((name) => name.charAt(0).toUpperCase() + name.slice(1))
      .filter((entity) => !['Audit', 'Legacy'].includes(entity) && !isEntityKind(entity));
    expect(entities).toEqual([]);
  });

  it('[URS-AUD-006] names every stored field of every audited record (or keeps it for the expert)', async () => {
    const api = await startTestApi({ dialect: 'sqlite', seed: false });
    try {
      const models = api.db.models as unknown as Record<
        string,
        { getAttributes(): Record<string, unknown> }
      >;
      const unnamed = Object.keys(ENTITY_WORDS)
        .filter((kind) => models[kind] !== undefined)
        .flatMap((kind) =>
          Object.keys(models[kind]?.getAttributes() ?? {})
            .filter((field) => !Object.hasOwn(FIELD_WORDS, field))
            .map((field) => `${kind}.${field}`),
        );
      expect(unnamed).toEqual([]);
    } finally {
      await api.close();
    }
  });
});

describe.each(TEST_DIALECTS)('the audit trail in words (%s)', (dialect) => {
  let api: TestApi;
  let day: DeliveryDay;
  let order: number;
  let vial: number;

  beforeAll(async () => {
    api = await startTestApi({ dialect, config: LONG_SESSIONS });
    await api.db.models.Deadline.destroy({ where: { appliesTo: DeadlineScope.Activity } });
    day = await DeliveryDay.start(api, DATE);
    day.at('12:00:00', '2027-04-20');
    order = await day.shopOrders(300);
    const overLimit = await day.production.trpc.orders.activity.createForCustomer.mutate({
      orderedTimeSlotId: day.slot.slotId,
      deliveryDate: DATE,
      orderedActivity: 60_000,
      clientKey: randomUUID(),
      limitOverride: { reason: 'Dobbelt program i dag' },
    });
    await day.production.trpc.orders.activity.reject.mutate({ orderIds: [overLimit.id] });
    await day.accept([order]);
    day.at('07:40:00');
    vial = await day.vial(560, '07:10:00', 1);
    await day.production.trpc.vials.edit.mutate({
      id: vial,
      volume: 5.5,
      reason: 'Volumen målt igen',
    });
    await day.release([order], [vial]);
    await day.production.trpc.release.correct.mutate({
      activityOrderIds: [order],
      password: DEMO_PASSWORD,
      reason: 'Forkert hætteglas valgt',
    });
    await day.release([order], [vial]);
    await expect(
      day.shop.trpc.auth.changePassword.mutate({
        currentPassword: 'not the password',
        newPassword: 'a new password 2027',
      }),
    ).rejects.toThrow();
    const admin = await api.loginAs('site-admin');
    await fetchDocument(api, admin, `/documents/recall/${LOT}.pdf`);
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  async function wholeTrail(language: 'da' | 'en', filter: Record<string, unknown> = {}) {
    const admin = await api.loginAs('site-admin');
    const lines: AuditLine[] = [];
    for (let page = 1; ; page += 1) {
      const result = await admin.trpc.admin.auditTrail.query({
        ...filter,
        language,
        page,
        pageSize: 500,
      });
      lines.push(...(result.rows as AuditLine[]));
      if (page * result.pageSize >= result.total) {
        return lines;
      }
    }
  }

  it.each(LANGUAGES)(
    '[URS-AUD-006] reads every event as words, without a stored key (%s)',
    async (language) => {
      const lines = await wholeTrail(language);
      const actions = new Set(lines.map((line) => line.action));
      for (const expected of [
        'site.seedDemo',
        'customer.create',
        'activityOrder.create',
        'activityOrder.limitOverride',
        'activityOrder.reject',
        'activityOrder.accept',
        'activityOrder.release',
        'activityOrder.correct',
        'vial.create',
        'vial.edit',
        'injectionOrder.release',
        'isotopeOrder.release',
        'recall.export',
      ]) {
        expect(actions).toContain(expected);
      }
      expect(lines.flatMap(rawKeysIn)).toEqual([]);
      const unnamed = lines.filter(
        (line) => line.entityId !== null && line.identity === null && line.entity !== 'Site',
      );
      expect(unnamed.map((line) => `${line.action} ${line.entityId}`)).toEqual([]);
    },
  );

  it('[URS-REL-011] says a release as an inspector reads it', async () => {
    const lines = await wholeTrail('da', { entity: 'ActivityOrder', entityId: order });
    const release = lines.find((line) => line.action === 'activityOrder.release');
    expect(release).toMatchObject({
      actorText: 'Demo Production User',
      actionText: 'frigivet',
      kindText: 'Aktivitetsordre',
      identity: `til RH KF – PET1, 21/04/2027 kl. 08:00`,
    });
    expect(release?.changes).toEqual(
      expect.arrayContaining([
        { field: 'signedBy.name', label: 'Underskrevet af', after: 'Demo Production User' },
        { field: 'meaning', label: 'Betydning', after: 'frigivet' },
        {
          field: 'dispensing.required',
          label: 'Udlevering: Krævet',
          after: expect.stringMatching(/\sMBq$/),
        },
      ]),
    );
    const accept = lines.find((line) => line.action === 'activityOrder.accept');
    expect(accept?.changes).toEqual([
      { field: 'status', label: 'Status', before: 'Bestilt', after: 'Accepteret' },
    ]);
    const english = await wholeTrail('en', { entity: 'ActivityOrder', entityId: order });
    expect(english.find((line) => line.action === 'activityOrder.accept')).toMatchObject({
      actionText: 'accepted',
      kindText: 'Activity order',
      identity: 'to RH KF – PET1, 21/04/2027 at 08:00',
      changes: [{ field: 'status', label: 'Status', before: 'Ordered', after: 'Accepted' }],
    });
    const vialEdit = (await wholeTrail('da', { entity: 'Vial', entityId: vial })).find(
      (line) => line.action === 'vial.edit',
    );
    expect(lines.find((line) => line.action === 'activityOrder.correct')?.reason).toBe(
      'Forkert hætteglas valgt',
    );
    expect(release?.reason).toBeNull();
    expect(vialEdit).toMatchObject({
      reason: 'Volumen målt igen',
      identity: `${LOT} (RH KF)`,
      changes: [
        { field: 'volume', label: 'Volumen', before: '5,00\u00a0ml', after: '5,50\u00a0ml' },
      ],
    });
  });

  it('[URS-AUD-007] filters by customer: its records only', async () => {
    const customerId = day.slot.customerId;
    const lines = await wholeTrail('da', { customerId });
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.map((line) => line.entityId)).toContain(order);
    const otherCustomers = await api.db.models.Customer.findAll();
    const otherNames = otherCustomers
      .filter((customer) => customer.id !== customerId)
      .map((customer) => customer.shortName);
    for (const line of lines) {
      for (const name of otherNames) {
        expect(`${line.identity ?? ''}`).not.toContain(`${name} –`);
      }
    }
  });

  it('[URS-AUD-007] filters by lot: the orders released with it, its vials, its recall exports', async () => {
    const lines = await wholeTrail('da', { lot: LOT });
    const keys = new Set(
      lines.map((line) => `${line.entity}:${line.entityId ?? ''}:${line.action}`),
    );
    expect(keys).toContain(`ActivityOrder:${order}:activityOrder.release`);
    expect(keys).toContain(`ActivityOrder:${order}:activityOrder.correct`);
    expect(keys).toContain(`Vial:${vial}:vial.edit`);
    expect([...keys].some((key) => key.startsWith('Recall::recall.export'))).toBe(true);
    expect(lines.every((line) => ['ActivityOrder', 'Vial', 'Recall'].includes(line.entity))).toBe(
      true,
    );
    expect(await wholeTrail('da', { lot: 'FDG-000000-9' })).toEqual([]);
  });

  /** The audit event of the export of a file with these bytes. */
  async function exportEvent(body: Buffer) {
    const sha256 = createHash('sha256').update(body).digest('hex');
    const events = await api.db.models.AuditEvent.findAll({ where: { action: 'audit.export' } });
    return events.find((event) => JSON.parse(event.after ?? '{}').sha256 === sha256);
  }

  it('[URS-DOC-007][URS-DOC-008] exports a filtered view as A4 PDF: the filter on every page, the chain, every row', async () => {
    const admin = await api.loginAs('site-admin');
    const customerId = day.slot.customerId;
    const lines = await wholeTrail('da', { customerId });
    const pdf = await fetchDocument(
      api,
      admin,
      `/documents/audit-trail.pdf?customerId=${customerId}&language=da`,
    );
    expect(pdf.status).toBe(200);
    const pages = await pdfPages(pdf.body);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain('Revisionsspor – Kunde: RH KF – hele sporet');
      expect(page).toMatch(
        /Udskrevet \d\d\/\d\d\/\d{4} \d\d:\d\d af Demo Site Admin – side \d+ af \d+/,
      );
    }
    const text = pages.join(' ');
    expect(text).toContain(`Hændelser ${lines.length}`);
    expect(text).toMatch(/Kædens kontrol intakt: [\d.\s]+ hændelser kontrolleret/);
    for (const line of lines) {
      expect(text).toContain(line.atText);
      expect(text).toContain(line.actionText);
    }
    const audited = await exportEvent(pdf.body);
    expect(audited).toMatchObject({ entity: 'AuditExport', actorName: 'Demo Site Admin' });
    expect(JSON.parse(audited?.after ?? '{}')).toMatchObject({
      format: 'pdf',
      rows: lines.length,
      filter: { customerId },
      chain: { ok: true },
    });
    // The export reads as words in the trail too.
    const [latest] = await wholeTrail('da', { action: 'audit.export' });
    expect(latest?.changes).toEqual(
      expect.arrayContaining([
        { field: 'filter.customerId', label: 'Filter: Kunde', after: 'RH KF' },
        {
          field: 'sha256',
          label: 'SHA-256',
          after: createHash('sha256').update(pdf.body).digest('hex'),
        },
      ]),
    );
  });

  it('[URS-DOC-007][URS-DOC-008] exports the same view as CSV in English, audited with its hash', async () => {
    const admin = await api.loginAs('site-admin');
    const lines = await wholeTrail('en', { lot: LOT });
    const csv = await fetchDocument(
      api,
      admin,
      `/documents/audit-trail.csv?lot=${LOT}&language=en`,
    );
    expect(csv.status).toBe(200);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\ufeffAudit trail')).toBe(true);
    expect(text).toContain(`Filter;Lot: ${LOT}`);
    expect(text).toMatch(/Chain check;intact: [\d,]+ events checked/);
    expect(text).toContain('Time;User;Event;Changes;Stored action;Stored record;Id;Hash');
    for (const line of lines) {
      expect(text).toContain(line.hash);
    }
    expect(JSON.parse((await exportEvent(csv.body))?.after ?? '{}')).toMatchObject({
      format: 'csv',
      language: 'en',
      rows: lines.length,
      filter: { lot: LOT },
    });
  });

  it('refuses an export to a user without the audit trail, and a malformed filter', async () => {
    const production = await api.loginAs('prod-user');
    expect((await fetchDocument(api, production, '/documents/audit-trail.pdf')).status).toBe(403);
    const admin = await api.loginAs('site-admin');
    const malformed = await fetchDocument(api, admin, '/documents/audit-trail.pdf?customerId=x');
    expect(malformed.status).toBe(400);
  });
});
