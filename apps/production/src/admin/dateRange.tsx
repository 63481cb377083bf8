/**
 * "Fra" and "Til" of the admin filters: two day fields on the site's clock and, once both
 * read as dates (or are empty), the api's instant window of those whole days.
 */
import { DateInput } from '@tracershop/ui';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { instantWindowOf } from './adminTime';

export interface DateRange {
  fields: ReactNode;
  /** The window `{ from?, to? }`, or null while a typed day is not a date (its field says why). */
  windowIn(timeZone: string): { from?: string; to?: string } | null;
}

function useDayField() {
  const [text, setText] = useState('');
  const [date, setDate] = useState<string | null>(null);
  return { text, setText, date, setDate, invalid: text.trim() !== '' && date === null };
}

export function useDateRange(): DateRange {
  const { t } = useTranslation('app');
  const from = useDayField();
  const to = useDayField();
  return {
    fields: (
      <>
        <DateInput
          label={t('admin.from')}
          value={from.text}
          onChange={from.setText}
          onDateChange={from.setDate}
        />
        <DateInput
          label={t('admin.to')}
          value={to.text}
          onChange={to.setText}
          onDateChange={to.setDate}
        />
      </>
    ),
    windowIn: (timeZone) =>
      from.invalid || to.invalid ? null : instantWindowOf(from.date, to.date, timeZone),
  };
}
