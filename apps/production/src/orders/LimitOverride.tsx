/**
 * Going above a plausibility limit (docs/domain.md, "Plausibility limits"). When the api
 * refuses a production create or edit because a figure is above the tracer's limit, the form
 * shows the refusal in words and a field for the reason; sent again with a reason, the order
 * goes through and the reason is audited with it. Without a reason nothing is sent again.
 */
import { isLimitRefusal, messageOf, TextField } from '@tracershop/ui';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface LimitOverride {
  /**
   * What to add to the next request: nothing, or the override once a limit has refused the
   * last one; null when a limit refused it and no reason is typed yet (send nothing).
   */
  extra(): { limitOverride?: { reason: string } } | null;
  /** Takes a failed request's error: true (and shows the reason field) for a limit refusal. */
  refused(error: unknown): boolean;
  /** The refusal and the reason field, or nothing. */
  field: ReactNode;
}

export function useLimitOverride(): LimitOverride {
  const { t } = useTranslation('app');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    extra() {
      if (refusal === null) {
        return {};
      }
      if (reason.trim().length < 3) {
        setMissing(true);
        return null;
      }
      return { limitOverride: { reason: reason.trim() } };
    },
    refused(error) {
      if (!isLimitRefusal(error)) {
        return false;
      }
      setRefusal(messageOf(error));
      return true;
    },
    field:
      refusal === null ? null : (
        <div className="production-limit-override" role="group" aria-label={refusal}>
          <p role="alert">{refusal}</p>
          <TextField
            label={t('orders.limitOverride.reason')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setMissing(false);
            }}
            error={missing ? t('orders.limitOverride.reasonMissing') : null}
            maxLength={500}
          />
          <p className="production-limit-override__hint">{t('orders.limitOverride.hint')}</p>
        </div>
      ),
  };
}
