/**
 * Periodic reviews of the audit trail (docs/domain.md, "Audit trail reviews"): the site admin
 * signs, with their password, that they reviewed the events of a period of site days; the
 * chain is verified at that moment and the result kept with the review. The list shows which
 * periods are reviewed. A review is written once and audited (`auditReview.create`).
 */
import { reviewPeriodProblem } from '@tracershop/core';
import { fieldSchemas } from '@tracershop/core';
import { REVIEW_COMMENT_LENGTH, verifyAuditChain } from '@tracershop/db';
import type { AuditReview } from '@tracershop/db';
import { z } from 'zod';
import { verifySignature } from '../../auth/signature';
import { siteToday } from '../../clock';
import { apiError } from '../../errors';
import { writeRecord } from '../../recordWrites';
import { procedure } from '../../trpc/init';
import { personNameOf } from '../release/signatureManifest';

const { boundedText, dateText, keyed, passwordText } = fieldSchemas;

export const auditReviewInput = z.strictObject(
  {
    fromDate: dateText,
    toDate: dateText,
    comment: boundedText(REVIEW_COMMENT_LENGTH, { min: 1 }),
    password: passwordText,
  },
  keyed('input.invalid'),
);

function reviewRow(review: AuditReview) {
  return {
    id: review.id,
    fromDate: review.fromDate,
    toDate: review.toDate,
    reviewedAt: review.reviewedAt.toISOString(),
    reviewerName: review.reviewerName,
    comment: review.comment,
    chainOk: review.chainOk,
    eventsChecked: review.eventsChecked,
  };
}

export type AuditReviewRow = ReturnType<typeof reviewRow>;

/** Every review, the newest period first. */
export const auditReviewList = procedure('admin.audit.read').query(async ({ ctx }) => {
  const reviews = await ctx.services.db.models.AuditReview.findAll({
    order: [
      ['toDate', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return reviews.map(reviewRow);
});

/** Signs the review of `fromDate`–`toDate`. */
export const auditReviewCreate = procedure('admin.audit.review')
  .input(auditReviewInput)
  .mutation(async ({ ctx, input }) => {
    const { services } = ctx;
    const problem = reviewPeriodProblem(
      input.fromDate,
      input.toDate,
      siteToday(services.clock, services.config.timeZone),
    );
    if (problem !== null) {
      throw apiError('REVIEW_PERIOD', { problem });
    }
    await verifySignature({
      services,
      user: ctx.user,
      password: input.password,
      remoteAddress: ctx.remoteAddress,
      action: 'auditReview.create',
      entity: 'AuditReview',
      entityIds: [],
    });
    const chain = await verifyAuditChain(services.db.record);
    return writeRecord({ services, user: ctx.user }, async ({ transaction, audit }) => {
      const review = await services.db.models.AuditReview.create(
        {
          fromDate: input.fromDate,
          toDate: input.toDate,
          reviewedAt: services.clock.now(),
          reviewerId: ctx.user.id,
          reviewerName: personNameOf(ctx.user),
          comment: input.comment,
          chainOk: chain.ok,
          eventsChecked: chain.checked,
        },
        { transaction },
      );
      const row = reviewRow(review);
      await audit({
        action: 'auditReview.create',
        entity: 'AuditReview',
        entityId: review.id,
        after: { ...row, meaning: 'reviewed' },
      });
      return row;
    });
  });
