/**
 * The audit trail for the site admin (docs/domain.md, "The audit trail in words"): events in
 * words, filtered by period, user, kind of record and one record, action, customer and lot, a
 * page at a time, newest first; the filters' choices; and the verification of the hash chain
 * (`verifyAuditChain`, the same check as `tracershop audit verify`).
 */
import { verifyAuditChain } from '@tracershop/db';
import { z } from 'zod';
import {
  auditFilterFields,
  auditLanguage,
  auditPage,
  auditWhere,
} from '../../auditTrail/auditFilter';
import { AuditWords } from '../../auditTrail/auditInWords';
import { fieldSchemas } from '@tracershop/core';
import { procedure } from '../../trpc/init';
import { pageFields, pageOf } from './queryWindows';

const { keyed } = fieldSchemas;

export const auditTrailInput = z.strictObject(
  { ...auditFilterFields, ...pageFields, language: auditLanguage },
  keyed('input.invalid'),
);

export const auditTrailRead = procedure('admin.audit.read')
  .input(auditTrailInput.optional())
  .query(async ({ ctx, input }) => {
    const { language, page: requested, pageSize: size, ...filter } = input ?? { language: 'da' };
    const { page, pageSize, limit, offset } = pageOf(requested, size);
    const { services } = ctx;
    const where = await auditWhere(services, filter);
    const { rows, count } = await auditPage(services, where, limit, offset);
    const words = new AuditWords(services, language, services.config.timeZone);
    return { rows: await words.describe(rows), total: count, page, pageSize };
  });

/**
 * The choices of the filters in words: the kinds of record and the actions that occur in the
 * trail, and the customers.
 */
export const auditFilterChoices = procedure('admin.audit.read')
  .input(z.strictObject({ language: auditLanguage }, keyed('input.invalid')).optional())
  .query(async ({ ctx, input }) => {
    const words = new AuditWords(
      ctx.services,
      input?.language ?? 'da',
      ctx.services.config.timeZone,
    );
    const { AuditEvent, Customer } = ctx.services.db.models;
    const [actions, customers] = await Promise.all([
      AuditEvent.findAll({ attributes: ['action', 'entity'], group: ['action', 'entity'] }),
      Customer.findAll({ attributes: ['id', 'shortName'], order: [['shortName', 'ASC']] }),
    ]);
    const byText = (a: { text: string }, b: { text: string }) =>
      a.text.localeCompare(b.text, words.language);
    const kinds = new Set(actions.map((row) => row.entity));
    return {
      kinds: [...kinds].map((entity) => ({ entity, text: words.kindText(entity) })).sort(byText),
      actions: actions
        .map((row) => ({
          action: row.action,
          text: `${words.kindText(row.entity)}: ${words.actionText(row.action)}`,
        }))
        .sort(byText),
      customers: customers.map((row) => ({ id: row.id, name: row.shortName })),
    };
  });

export const auditChainVerification = procedure('admin.audit.read').query(({ ctx }) =>
  verifyAuditChain(ctx.services.db.record),
);
