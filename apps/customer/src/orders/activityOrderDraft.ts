/**
 * The draft of one activity order row: what the user typed, checked with core's validators
 * (the messages are core's), and whether it differs from the stored order.
 */
import {
  messageFor,
  schemaLimits,
  validateMaxLength,
  validatePositiveNumber,
} from '@tracershop/core';
import type { Locale } from '@tracershop/core';

export interface ActivityDraft {
  activity: string;
  comment: string;
}

export type DraftCheck =
  | { ok: true; orderedActivity: number; comment: string }
  | { ok: false; activityError: string | null; commentError: string | null };

export function checkActivityDraft(draft: ActivityDraft, locale: Locale): DraftCheck {
  const activity = validatePositiveNumber(draft.activity, 'activity');
  const comment = validateMaxLength(draft.comment, schemaLimits.comment, 'comment');
  if (activity.ok && comment.ok) {
    return { ok: true, orderedActivity: activity.value, comment: comment.value };
  }
  return {
    ok: false,
    activityError: activity.ok ? null : messageFor(activity.issue, locale),
    commentError: comment.ok ? null : messageFor(comment.issue, locale),
  };
}

/** The draft of a stored order, as the user first sees it. */
export function draftOf(order: { orderedActivity: number; comment: string | null }): ActivityDraft {
  return { activity: String(order.orderedActivity), comment: order.comment ?? '' };
}

export function draftChanged(draft: ActivityDraft, stored: ActivityDraft): boolean {
  return draft.activity.trim() !== stored.activity || draft.comment !== stored.comment;
}
