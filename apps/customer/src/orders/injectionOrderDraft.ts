/**
 * The draft of an injection order card: what the user typed, checked with core's validators
 * ("Injektioner" a whole positive number, "Tid" a time, the comment's length).
 */
import {
  TracerUsage,
  messageFor,
  schemaLimits,
  validateMaxLength,
  validateTime,
  validateWholePositiveNumber,
} from '@tracershop/core';
import type { Locale } from '@tracershop/core';

export interface InjectionDraft {
  tracerId: string;
  injections: string;
  time: string;
  usage: string;
  comment: string;
}

export interface InjectionValues {
  tracerId: number;
  injections: number;
  deliveryTime: string;
  tracerUsage: TracerUsage;
  comment: string;
}

export interface InjectionErrors {
  injections: string | null;
  time: string | null;
  comment: string | null;
}

export const NO_INJECTION_ERRORS: InjectionErrors = { injections: null, time: null, comment: null };

export type InjectionCheck =
  { ok: true; values: InjectionValues } | { ok: false; errors: InjectionErrors };

const USAGES: readonly TracerUsage[] = [TracerUsage.Human, TracerUsage.Animal, TracerUsage.Other];

function usageOf(text: string): TracerUsage {
  return USAGES.find((usage) => String(usage) === text) ?? TracerUsage.Human;
}

export function checkInjectionDraft(draft: InjectionDraft, locale: Locale): InjectionCheck {
  const injections = validateWholePositiveNumber(draft.injections, 'injections');
  const time = validateTime(draft.time, 'time');
  const comment = validateMaxLength(draft.comment, schemaLimits.comment, 'comment');
  if (injections.ok && time.ok && comment.ok) {
    return {
      ok: true,
      values: {
        tracerId: Number(draft.tracerId),
        injections: injections.value,
        deliveryTime: time.value,
        tracerUsage: usageOf(draft.usage),
        comment: comment.value,
      },
    };
  }
  return {
    ok: false,
    errors: {
      injections: injections.ok ? null : messageFor(injections.issue, locale),
      time: time.ok ? null : messageFor(time.issue, locale),
      comment: comment.ok ? null : messageFor(comment.issue, locale),
    },
  };
}

export function injectionDraftOf(order: {
  tracerId: number;
  injections: number;
  deliveryTime: string;
  tracerUsage: number;
  comment: string | null;
}): InjectionDraft {
  return {
    tracerId: String(order.tracerId),
    injections: String(order.injections),
    time: order.deliveryTime.slice(0, 5),
    usage: String(order.tracerUsage),
    comment: order.comment ?? '',
  };
}

export function injectionDraftChanged(draft: InjectionDraft, stored: InjectionDraft): boolean {
  return (
    draft.tracerId !== stored.tracerId ||
    draft.injections.trim() !== stored.injections ||
    draft.time.trim() !== stored.time ||
    draft.usage !== stored.usage ||
    draft.comment !== stored.comment
  );
}
