/**
 * The export of a view of the audit trail (docs/domain.md, "The audit trail in words"): every
 * event the filter selects, in words, as an A4 PDF (the filter and the period at the top of
 * every page, when and by whom it was made at the foot, the chain's verification on the first
 * page) or as CSV for a spreadsheet (semicolons, UTF-8 with a byte-order mark, the same facts
 * in the first lines). Each export is written to the audit trail itself with the file's
 * SHA-256 (`audit.export`), so a copy can be checked against the trail later.
 */
import { createHash } from 'node:crypto';
import { formatCount, localDateTimeOfInstant } from '@tracershop/core';
import { verifyAuditChain } from '@tracershop/db';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { AuditFilter } from '../auditTrail/auditFilter';
import { auditFilterFields, auditLanguage, auditWhere } from '../auditTrail/auditFilter';
import type { AuditLine } from '../auditTrail/auditInWords';
import { AuditWords, changeText, sentenceOf } from '../auditTrail/auditInWords';
import type { Language, Words } from '../auditTrail/auditVocabulary';
import { apiError } from '../errors';
import { writeRecord } from '../recordWrites';
import type { Writer } from '../recordWrites';
import type { ApiServices } from '../services';
import type { RenderedDocument } from './documentAccess';
import { PDF_TYPE } from './documentAccess';
import { A4Layout, renderPdf } from './pdfLayout';

export type AuditExportFormat = 'pdf' | 'csv';

/** The most events one export holds; a larger view is refused (EXPORT_TOO_LARGE). */
export const MAX_EXPORT_ROWS = 20_000;
/** Events read and put into words at a time. */
const BATCH = 500;

export const CSV_TYPE = 'text/csv; charset=utf-8';

/** The query of `/documents/audit-trail.<format>`: the page's filter and its language. */
export const auditExportQuery = z.strictObject({ ...auditFilterFields, language: auditLanguage });

function w(da: string, en: string): Words {
  return { da, en };
}

const TEXT = {
  title: w('Revisionsspor', 'Audit trail'),
  filter: w('Filter', 'Filter'),
  period: w('Periode', 'Period'),
  wholeTrail: w('hele sporet', 'the whole trail'),
  noFilter: w('ingen (alle hændelser)', 'none (every event)'),
  events: w('Hændelser', 'Events'),
  chain: w('Kædens kontrol', 'Chain check'),
  chainOk: w('intakt: {checked} hændelser kontrolleret', 'intact: {checked} events checked'),
  chainBroken: w(
    'BRUDT ved hændelse {id}: {checked} hændelser kontrolleret',
    'BROKEN at event {id}: {checked} events checked',
  ),
  made: w('Udskrevet', 'Printed'),
  by: w('af', 'by'),
  page: w('side', 'page'),
  of: w('af', 'of'),
  time: w('Tid', 'Time'),
  user: w('Bruger', 'User'),
  event: w('Hændelse', 'Event'),
  changes: w('Ændringer', 'Changes'),
  storedAction: w('Gemt handling', 'Stored action'),
  storedEntity: w('Gemt post', 'Stored record'),
  id: w('Id', 'Id'),
  hash: w('Hash', 'Hash'),
  none: w('Ingen hændelser.', 'No events.'),
  reason: w('Begrundelse', 'Reason'),
} satisfies Record<string, Words>;

type TextKey = keyof typeof TEXT;

interface ExportFacts {
  filterText: string;
  periodText: string;
  chainText: string;
  madeText: string;
  count: number;
}

/** The filter in words, as the trail names the fields: "Kunde: RH KF · Lot: FDG-261207-1". */
async function filterTextOf(
  words: AuditWords,
  filter: AuditFilter,
  say: (key: TextKey) => string,
): Promise<string> {
  const { from: _from, to: _to, ...chosen } = filter; // the period is said on its own
  const parts = await words.valuesText('AuditExport', chosen);
  return parts.length === 0 ? say('noFilter') : parts.join(' · ');
}

function periodTextOf(words: AuditWords, filter: AuditFilter, say: (key: TextKey) => string) {
  if (filter.from === undefined && filter.to === undefined) {
    return say('wholeTrail');
  }
  const from = filter.from === undefined ? '' : words.instantText(filter.from);
  const to = filter.to === undefined ? '' : words.instantText(filter.to);
  return `${from} – ${to}`.trim();
}

function changesText(line: AuditLine, say: (key: TextKey) => string, arrow?: string): string {
  const changes = line.changes.map((change) => changeText(change, arrow));
  const reason = line.reason === null ? null : `${say('reason')}: ${line.reason}`;
  return [line.lifecycle, reason, ...changes]
    .filter((part) => part !== null && part !== '')
    .join('\n');
}

async function pdfOf(
  lines: readonly AuditLine[],
  facts: ExportFacts,
  language: Language,
  now: Date,
  say: (key: TextKey) => string,
): Promise<Buffer> {
  return renderPdf(
    {
      size: 'A4',
      margin: 50,
      title: say('title'),
      subject: `${say('title')}: ${facts.filterText}, ${facts.periodText}`,
      createdAt: now,
      language,
    },
    (doc) => {
      const layout = new A4Layout(doc);
      layout.title(say('title'), facts.periodText);
      layout.fields([
        [say('filter'), facts.filterText],
        [say('period'), facts.periodText],
        [say('events'), formatCount(facts.count, language)],
        [say('chain'), facts.chainText],
        [say('made'), facts.madeText],
      ]);
      if (lines.length === 0) {
        layout.paragraph(say('none'));
      } else {
        layout.table(
          [
            { header: say('time'), share: 0.14 },
            { header: say('user'), share: 0.14 },
            { header: say('event'), share: 0.32 },
            { header: say('changes'), share: 0.4 },
          ],
          // The PDF's standard font has no →.
          lines.map((line) => [
            line.atText,
            line.actorText,
            sentenceOf(line),
            changesText(line, say, '->'),
          ]),
        );
      }
      layout.headers(`${say('title')} – ${facts.filterText} – ${facts.periodText}`);
      layout.footers(`${say('title')} – ${say('made')} ${facts.madeText}`, {
        page: say('page'),
        of: say('of'),
      });
    },
  );
}

async function csvOf(
  lines: readonly AuditLine[],
  facts: ExportFacts,
  say: (key: TextKey) => string,
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(say('title'));
  sheet.addRows([
    [say('title')],
    [say('filter'), facts.filterText],
    [say('period'), facts.periodText],
    [say('events'), facts.count],
    [say('chain'), facts.chainText],
    [say('made'), facts.madeText],
    [],
    [
      say('time'),
      say('user'),
      say('event'),
      say('changes'),
      say('storedAction'),
      say('storedEntity'),
      say('id'),
      say('hash'),
    ],
    ...lines.map((line) => [
      line.atText,
      line.actorText,
      sentenceOf(line),
      changesText(line, say),
      line.action,
      line.entityId === null ? line.entity : `${line.entity} ${line.entityId}`,
      line.id,
      line.hash,
    ]),
  ]);
  const body = await workbook.csv.writeBuffer({
    formatterOptions: { delimiter: ';', writeBOM: true },
  });
  return Buffer.from(body);
}

/**
 * The events `filter` selects, as `format` in `language`, made by `writer.user`; the export is
 * audited with the file's SHA-256.
 */
export async function auditExportDocument(
  services: ApiServices,
  query: z.infer<typeof auditExportQuery>,
  format: AuditExportFormat,
  writer: Writer,
): Promise<RenderedDocument> {
  const { language, ...filter } = query;
  const say = (key: TextKey) => TEXT[key][language];
  const words = new AuditWords(services, language, services.config.timeZone);
  const where = await auditWhere(services, filter);
  const { AuditEvent } = services.db.models;
  const count = await AuditEvent.count({ where });
  if (count > MAX_EXPORT_ROWS) {
    throw apiError('EXPORT_TOO_LARGE', {
      count: formatCount(count, language),
      max: formatCount(MAX_EXPORT_ROWS, language),
    });
  }
  const lines: AuditLine[] = [];
  for (let offset = 0; offset < count; offset += BATCH) {
    const rows = await AuditEvent.findAll({ where, order: [['id', 'DESC']], limit: BATCH, offset });
    lines.push(...(await words.describe(rows)));
  }
  const chain = await verifyAuditChain(services.db.record);
  const now = services.clock.now();
  const madeBy = writer.user ? writer.user.displayName || writer.user.username : 'system';
  const facts: ExportFacts = {
    filterText: await filterTextOf(words, filter, say),
    periodText: periodTextOf(words, filter, say),
    chainText: (chain.ok ? say('chainOk') : say('chainBroken'))
      .replace('{checked}', formatCount(chain.checked, language))
      .replace('{id}', String(chain.firstBroken?.id ?? '–')),
    madeText: `${words.instantText(now)} ${say('by')} ${madeBy}`,
    count,
  };
  const body =
    format === 'pdf'
      ? await pdfOf(lines, facts, language, now, say)
      : await csvOf(lines, facts, say);
  const sha256 = createHash('sha256').update(body).digest('hex');
  await writeRecord(writer, (scope) =>
    scope.audit({
      action: 'audit.export',
      entity: 'AuditExport',
      after: {
        format,
        language,
        rows: count,
        filter,
        chain: { ok: chain.ok, checked: chain.checked },
        sha256,
      },
    }),
  );
  const stamp = localDateTimeOfInstant(now.getTime(), services.config.timeZone)
    .slice(0, 16)
    .replace(/[ :]/g, '-');
  return {
    fileName: `${language === 'da' ? 'revisionsspor' : 'audit-trail'}-${stamp}.${format}`,
    contentType: format === 'pdf' ? PDF_TYPE : CSV_TYPE,
    body,
  };
}
