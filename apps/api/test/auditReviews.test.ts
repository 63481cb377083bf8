/**
 * Periodic review of the audit trail: the site admin signs, with their password, that a past
 * period was reviewed; the chain's verification is kept with the review, the review is audited
 * and listed. A wrong password, a period not yet over or one that ends before it starts is
 * refused and nothing is written; production cannot sign a review.
 */
import { addDays } from '@tracershop/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonOf } from './reasons';
import type { TestApi } from './testApi';
import { DEMO_PASSWORD, TEST_DIALECTS, startTestApi } from './testApi';
import type { TestClient } from './testClient';

describe.each(TEST_DIALECTS)('audit trail reviews (%s)', (dialect) => {
  let api: TestApi;
  let admin: TestClient;

  const reviewCount = () => api.db.models.AuditReview.count();

  beforeAll(async () => {
    api = await startTestApi({ dialect });
    admin = await api.loginAs('site-admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('[URS-AUD-008] signs the review of a past period, with the chain verified, and audits it', async () => {
    const fromDate = addDays(api.today, -30);
    const toDate = addDays(api.today, -1);
    const review = await admin.trpc.admin.review.mutate({
      fromDate,
      toDate,
      comment: 'Gennemgået uden bemærkninger.',
      password: DEMO_PASSWORD,
    });
    expect(review).toMatchObject({
      fromDate,
      toDate,
      reviewerName: 'Demo Site Admin',
      comment: 'Gennemgået uden bemærkninger.',
      chainOk: true,
    });
    expect(review.eventsChecked).toBeGreaterThan(0);
    expect(await admin.trpc.admin.reviews.query()).toEqual([review]);
    const audited = await api.db.models.AuditEvent.findOne({
      where: { action: 'auditReview.create', entityId: review.id },
    });
    expect(JSON.parse(audited?.after ?? 'null')).toMatchObject({
      fromDate,
      toDate,
      meaning: 'reviewed',
    });
  });

  it('lists the actions that occur in the trail, once each and in words, for the action filter', async () => {
    const { actions } = await admin.trpc.admin.auditFilters.query({ language: 'da' });
    expect(actions).toContainEqual({
      action: 'auditReview.create',
      text: 'Gennemgang af revisionsspor: oprettet',
    });
    const names = actions.map((choice) => choice.action);
    expect(new Set(names).size).toBe(names.length);
    const texts = actions.map((choice) => choice.text);
    expect([...texts].sort((a, b) => a.localeCompare(b, 'da'))).toEqual(texts);
  });

  it('[URS-AUD-008] refuses a wrong password, audits the attempt and writes no review', async () => {
    const before = await reviewCount();
    const refused = admin.trpc.admin.review.mutate({
      fromDate: addDays(api.today, -2),
      toDate: addDays(api.today, -1),
      comment: 'Forsøg',
      password: 'forkert',
    });
    expect(await reasonOf(refused)).toBe('INVALID_SIGNATURE');
    expect(await reviewCount()).toBe(before);
    expect(
      await api.db.models.AuditEvent.count({
        where: { action: 'auditReview.create.signatureRefused' },
      }),
    ).toBe(1);
  });

  it('[URS-AUD-008] refuses a period that is not over or ends before it starts', async () => {
    const before = await reviewCount();
    const review = (fromDate: string, toDate: string) =>
      admin.trpc.admin.review.mutate({ fromDate, toDate, comment: 'x', password: DEMO_PASSWORD });
    expect(await reasonOf(review(api.today, addDays(api.today, 1)))).toBe('REVIEW_PERIOD');
    expect(await reasonOf(review(addDays(api.today, -1), addDays(api.today, -2)))).toBe(
      'REVIEW_PERIOD',
    );
    expect(await reviewCount()).toBe(before);
  });

  it('[URS-AUD-008] is the site admin’s: production may not sign or list reviews', async () => {
    const production = await api.loginAs('prod-admin');
    const signed = production.trpc.admin.review.mutate({
      fromDate: addDays(api.today, -2),
      toDate: addDays(api.today, -1),
      comment: 'x',
      password: DEMO_PASSWORD,
    });
    expect(await reasonOf(signed)).toBe('FORBIDDEN_ROLE');
    expect(await reasonOf(production.trpc.admin.reviews.query())).toBe('FORBIDDEN_ROLE');
  });
});
