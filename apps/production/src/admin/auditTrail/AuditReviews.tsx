/**
 * "Gennemgang af revisionssporet" (docs/domain.md, "Audit trail reviews"): the periods the
 * site admin has reviewed, and signing a new review: a period of site days, a comment and the
 * password. The api verifies the chain when the review is signed and keeps the result.
 */
import { DateInput, SignaturePanel, TextField, useFigures, useSession } from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditReviews, useSignAuditReview } from '../adminApi';
import { formatInstant } from '../adminTime';
import { useTimeZone } from '../useTimeZone';

export function AuditReviews() {
  const { t } = useTranslation('app');
  const timeZone = useTimeZone();
  const session = useSession();
  const reviews = useAuditReviews();
  const sign = useSignAuditReview();
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [fromDate, setFromDate] = useState<string | null>(null);
  const [toDate, setToDate] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [signing, setSigning] = useState(false);
  const [missing, setMissing] = useState(false);
  const [signed, setSigned] = useState<string | null>(null);

  const ready = fromDate !== null && toDate !== null && comment.trim() !== '';
  const figures = useFigures();
  const period = (from: string, to: string) =>
    t('admin.review.period', { from: figures.date(from), to: figures.date(to) });

  return (
    <section className="admin-reviews" aria-labelledby="admin-reviews-title">
      <h3 id="admin-reviews-title">{t('admin.review.title')}</h3>
      {reviews.data === undefined || reviews.data.length === 0 ? (
        <p>{t('admin.review.none')}</p>
      ) : (
        <table className="production-table admin-table" aria-label={t('admin.review.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.review.periodColumn')}</th>
              <th scope="col">{t('admin.review.reviewer')}</th>
              <th scope="col">{t('admin.review.signedAt')}</th>
              <th scope="col">{t('admin.review.chain')}</th>
              <th scope="col">{t('admin.review.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.data.map((review) => (
              <tr key={review.id}>
                <td>{period(review.fromDate, review.toDate)}</td>
                <td>{review.reviewerName}</td>
                <td>{formatInstant(review.reviewedAt, timeZone)}</td>
                <td>
                  {review.chainOk
                    ? t('admin.review.chainOk', { count: review.eventsChecked })
                    : t('admin.review.chainBroken')}
                </td>
                <td>{review.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {signed === null ? null : <p role="status">{signed}</p>}
      <form
        className="admin-filters"
        aria-label={t('admin.review.form')}
        onSubmit={(event) => {
          event.preventDefault();
          setMissing(!ready);
          setSigned(null);
          setSigning(ready);
        }}
        noValidate
      >
        <DateInput
          label={t('admin.from')}
          value={fromText}
          onChange={setFromText}
          onDateChange={setFromDate}
          // An empty day is an error only once a review was asked for, not before typing.
          required={missing}
        />
        <DateInput
          label={t('admin.to')}
          value={toText}
          onChange={setToText}
          onDateChange={setToDate}
          required={missing}
        />
        <TextField
          label={t('admin.review.comment')}
          value={comment}
          onChange={setComment}
          maxLength={1000}
          error={missing && comment.trim() === '' ? t('admin.review.commentNeeded') : null}
        />
        <button type="submit" className="ts-button">
          {t('admin.review.sign')}
        </button>
      </form>
      {signing && fromDate !== null && toDate !== null ? (
        <SignaturePanel
          title={t('admin.review.signTitle', { period: period(fromDate, toDate) })}
          submitLabel={t('admin.review.sign')}
          signer={session.data?.user?.username ?? ''}
          onCancel={() => setSigning(false)}
          onSubmit={async ({ password }) => {
            await sign.mutateAsync({ fromDate, toDate, comment: comment.trim(), password });
            setSigning(false);
            setComment('');
            setSigned(t('admin.review.signed', { period: period(fromDate, toDate) }));
          }}
        />
      ) : null}
    </section>
  );
}
