/**
 * The draft of one activity order row: what the user typed, checked with core's validators
 * (the messages are core's), and whether it differs from the stored order.
 */
import {
  formatInputNumber,
  messageFor,
  schemaLimits,
  validateMaxLength,
  validatePositiveNumber,
  validateWholePositiveNumber,
} from '@tracershop/core';
import type { Locale } from '@tracershop/core';

export interface ActivityDraft {
  activity: string;
  comment: string;
}

export type DraftCheck =
  | { ok: true; orderedActivity: number; comment: string }
  | { ok: false; activityError: string | null; commentError: string | null };

/** Isotope orders take whole MBq and a comment of at most 500 characters. */
export interface DraftRules {
  wholeActivity?: boolean;
  commentMax?: number;
}

export function checkActivityDraft(
  draft: ActivityDraft,
  locale: Locale,
  rules: DraftRules = {},
): DraftCheck {
  const activity = rules.wholeActivity
    ? validateWholePositiveNumber(draft.activity, 'activity')
    : validatePositiveNumber(draft.activity, 'activity');
  const comment = validateMaxLength(
    draft.comment,
    rules.commentMax ?? schemaLimits.comment,
    'comment',
  );
  if (activity.ok && comment.ok) {
    return { ok: true, orderedActivity: activity.value, comment: comment.value };
  }
  return {
    ok: false,
    activityError: activity.ok ? null : messageFor(activity.issue, locale),
    commentError: comment.ok ? null : messageFor(comment.issue, locale),
  };
}

/** The draft of a stored order, as the user first sees it: 300,5 in Danish, 300.5 in English. */
export function draftOf(
  order: { orderedActivity: number; comment: string | null },
  locale: Locale,
): ActivityDraft {
  return {
    activity: formatInputNumber(order.orderedActivity, locale),
    comment: order.comment ?? '',
  };
}

export function draftChanged(draft: ActivityDraft, stored: ActivityDraft): boolean {
  return draft.activity.trim() !== stored.activity || draft.comment !== stored.comment;
}
