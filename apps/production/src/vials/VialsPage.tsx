/**
 * "Hætteglas" (docs/domain.md): every vial filled within the window around the chosen date,
 * filtered by a lot pattern (a regular expression) and an owner, sorted by any column. "Søg"
 * moves the date (kept in the address, `?date=2026-11-04`) and loads the vials around it;
 * "Hent manglende glas" imports the dispenser files the watcher missed. Each row opens its
 * label as PDF or prints it on the label printer; a vial without owner gets one with
 * "Angiv ejer" (VialOwnerDialog.tsx). A vial not assigned to an order is deleted with "Slet"
 * behind a confirmation, for the roles that may write vials; the api refuses an assigned one
 * (VIAL_ASSIGNED, e.g. released meanwhile), which the page says in words.
 */
import { allowed, DEFAULT_TIME_ZONE, formatDanishDate, normalizeDate } from '@tracershop/core';
import {
  AlertBox,
  ConfirmDialog,
  DateInput,
  messageOf,
  TextField,
  usePendingAction,
  useSession,
  useSiteNow,
} from '@tracershop/ui';
import type { FormEvent } from 'react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { sortedCustomers } from '../orderForms/CustomerEndpointSelects';
import { useCatalog } from '../productionApi';
import type { VialColumn, VialSort } from './vialTable';
import { filterVials, lotPatternOf, NEWEST_FIRST, nextSort, sortVials } from './vialTable';
import type { RescanCounts, VialRow } from './vialsApi';
import {
  useDeleteVial,
  usePrintVialLabel,
  useRescanVials,
  useSetVialOwner,
  useVialsAround,
  vialWindowOf,
} from './vialsApi';
import { VialOwnerDialog } from './VialOwnerDialog';
import { VialTable } from './VialTable';
import './vials.css';

/** A `YYYY-MM-DD` date from the address, or null. */
function dateParamOf(text: string | null): string | null {
  return text !== null && normalizeDate(text) === text ? text : null;
}

type PrintFeedback = { vialId: number; ok: true } | { vialId: number; ok: false; message: string };

export default function VialsPage() {
  const { t } = useTranslation('app');
  const session = useSession();
  const timeZone = session.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = useSiteNow(timeZone, 60_000).slice(0, 10);
  const [searchParams, setSearchParams] = useSearchParams();
  const date = dateParamOf(searchParams.get('date')) ?? today;

  const catalog = useCatalog();
  const vials = useVialsAround(date);
  const rescan = useRescanVials();
  const print = usePrintVialLabel();
  const setOwner = useSetVialOwner();
  const deleteVial = useDeleteVial();
  const remove = usePendingAction();
  const userGroup = session.data?.user?.userGroup;
  const mayDelete = userGroup !== undefined && allowed(userGroup, 'vial.write');

  const [lotText, setLotText] = useState('');
  const [customerText, setCustomerText] = useState('');
  const [dateText, setDateText] = useState(() => formatDanishDate(date));
  const [dateError, setDateError] = useState<string | null>(null);
  // The date may change from outside the form (back button, a link): show it.
  const [formDate, setFormDate] = useState(date);
  if (formDate !== date) {
    setFormDate(date);
    setDateText(formatDanishDate(date));
    setDateError(null);
  }
  const [sort, setSort] = useState<VialSort>(NEWEST_FIRST);
  const [printFeedback, setPrintFeedback] = useState<PrintFeedback | null>(null);
  const [rescanResult, setRescanResult] = useState<RescanCounts | null>(null);
  /** The vial whose owner is being chosen ("Angiv ejer"), and the owner last given. */
  const [ownerVial, setOwnerVial] = useState<VialRow | null>(null);
  const [ownerGiven, setOwnerGiven] = useState<{ vialId: number; customerId: number } | null>(null);
  /** The vial asked about ("Slet"), and the one last deleted. */
  const [deleting, setDeleting] = useState<VialRow | null>(null);
  const [deleted, setDeleted] = useState<{ id: number } | null>(null);
  const [refusedId, setRefusedId] = useState<number | null>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const customerSelectId = useId();

  const ownerNames = useMemo(
    () => new Map((catalog.data?.customers ?? []).map((c) => [c.id, c.shortName])),
    [catalog.data],
  );
  const customers = useMemo(() => sortedCustomers(catalog.data?.customers ?? []), [catalog.data]);
  const ownerOf = useMemo(
    () => (vial: VialRow) =>
      vial.customerId === null ? null : (ownerNames.get(vial.customerId) ?? null),
    [ownerNames],
  );

  const lot = useMemo(() => lotPatternOf(lotText), [lotText]);
  const lotError = 'error' in lot ? t('vials.badLotPattern') : null;
  const shown = useMemo(() => {
    const filtered = filterVials(vials.data ?? [], {
      lotPattern: 'pattern' in lot ? lot.pattern : null,
      customerId: customerText === '' ? null : Number(customerText),
    });
    return sortVials(filtered, sort, ownerOf);
  }, [vials.data, lot, customerText, sort, ownerOf]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = normalizeDate(dateText);
    if (next === null) {
      setDateError(t('vials.badDate'));
      return;
    }
    setDateError(null);
    setDateText(formatDanishDate(next));
    setSearchParams({ date: next });
  };

  const onRescan = () => {
    setRescanResult(null);
    rescan.mutate(undefined, { onSuccess: (counts) => setRescanResult(counts) });
  };

  const onPrint = (vialId: number) => {
    setPrintFeedback(null);
    print.mutate(
      { vialId },
      {
        onSuccess: () => setPrintFeedback({ vialId, ok: true }),
        onError: (error) => setPrintFeedback({ vialId, ok: false, message: messageOf(error) }),
      },
    );
  };

  const onSaveOwner = async (vialId: number, customerId: number, reason: string | undefined) => {
    await setOwner.mutateAsync({ id: vialId, customerId, reason });
    setOwnerVial(null);
    setOwnerGiven({ vialId, customerId });
  };

  const onDelete = (vial: VialRow) => {
    setDeleted(null);
    setRefusedId(vial.id);
    void remove.run(
      () => deleteVial.mutateAsync({ id: vial.id }),
      () => {
        setDeleting(null);
        setDeleted({ id: vial.id });
        // The row and its button are gone: the keyboard goes on in the table.
        pageRef.current?.querySelector<HTMLElement>('.vials-table__scroll')?.focus();
      },
      // A refusal closes the question and is shown above the table.
      () => {
        setDeleting(null);
        return false;
      },
    );
  };

  const loadedWindow = vialWindowOf(date);

  return (
    <div className="vials-page" ref={pageRef}>
      <h1>{t('vials.title')}</h1>
      <form className="vials-page__filters" onSubmit={search} noValidate>
        <span className="vials-page__filter">
          <TextField
            label={t('vials.lotFilter')}
            value={lotText}
            onChange={setLotText}
            error={lotError}
            autoComplete="off"
            spellCheck={false}
          />
          {lotError === null ? null : (
            <span className="vials-page__field-error" aria-hidden="true">
              {lotError}
            </span>
          )}
        </span>
        <span className="ts-field">
          <label htmlFor={customerSelectId} className="ts-field__label">
            {t('vials.customerFilter')}
          </label>
          <select
            id={customerSelectId}
            className="ts-input"
            value={customerText}
            onChange={(event) => setCustomerText(event.target.value)}
          >
            <option value="">{t('vials.allCustomers')}</option>
            {customers.map((customer) => (
              <option key={customer.id} value={String(customer.id)}>
                {customer.shortName}
              </option>
            ))}
          </select>
        </span>
        <span className="vials-page__filter">
          <DateInput
            label={t('vials.date')}
            value={dateText}
            onChange={(text) => {
              setDateText(text);
              setDateError(null);
            }}
            error={dateError}
          />
          {dateError === null ? null : (
            <span className="vials-page__field-error" aria-hidden="true">
              {dateError}
            </span>
          )}
        </span>
        <button type="submit" className="ts-button">
          {t('vials.search')}
        </button>
        <button
          type="button"
          className="ts-button ts-button--light"
          disabled={rescan.isPending}
          aria-busy={rescan.isPending}
          onClick={onRescan}
        >
          {rescan.isPending ? t('vials.rescanning') : t('vials.rescan')}
        </button>
      </form>

      {rescan.isError ? <AlertBox level="error">{messageOf(rescan.error)}</AlertBox> : null}
      {rescanResult === null ? null : (
        <AlertBox level="hint">
          {t('vials.rescanDone', {
            created: rescanResult.created,
            files: rescanResult.files,
            duplicates: rescanResult.duplicates,
            rejected: rescanResult.rejected,
          })}
        </AlertBox>
      )}
      {printFeedback === null ? null : printFeedback.ok ? (
        <AlertBox level="hint">{t('vials.printed', { id: printFeedback.vialId })}</AlertBox>
      ) : (
        <AlertBox level="error">
          {t('vials.printFailed', { id: printFeedback.vialId, message: printFeedback.message })}
        </AlertBox>
      )}
      {ownerGiven === null ? null : (
        <AlertBox level="hint">
          {t('vials.ownerSet', {
            id: ownerGiven.vialId,
            customer: ownerNames.get(ownerGiven.customerId) ?? ownerGiven.customerId,
          })}
        </AlertBox>
      )}
      {deleted === null ? null : (
        <AlertBox level="hint">{t('vials.deleted', { id: deleted.id })}</AlertBox>
      )}
      {remove.failure === null ? null : (
        <AlertBox level="error">
          {t('vials.deleteFailed', { id: refusedId, message: remove.failure })}
        </AlertBox>
      )}
      {vials.isError ? <AlertBox level="error">{messageOf(vials.error)}</AlertBox> : null}

      <p className="vials-page__summary" role="status">
        {vials.isPending || vials.isPlaceholderData
          ? t('loading', { ns: 'translation' })
          : t('vials.summary', {
              shown: shown.length,
              total: vials.data?.length ?? 0,
              from: formatDanishDate(loadedWindow.from),
              to: formatDanishDate(loadedWindow.to),
            })}
      </p>
      <VialTable
        vials={shown}
        sort={sort}
        onSort={(column: VialColumn) => setSort((current) => nextSort(current, column))}
        ownerOf={ownerOf}
        onPrint={onPrint}
        onSetOwner={(vial) => {
          setOwnerGiven(null);
          setOwnerVial(vial);
        }}
        onDelete={mayDelete ? setDeleting : undefined}
        printingVialId={print.isPending ? (print.variables?.vialId ?? null) : null}
      />
      {ownerVial === null ? null : (
        <VialOwnerDialog
          key={ownerVial.id}
          vial={ownerVial}
          customers={customers}
          onSave={(customerId, reason) => onSaveOwner(ownerVial.id, customerId, reason)}
          onCancel={() => setOwnerVial(null)}
        />
      )}
      {deleting === null ? null : (
        <ConfirmDialog
          open
          title={t('vials.deleteTitle', { id: deleting.id, lot: deleting.lotNumber })}
          confirmLabel={t('vials.delete')}
          pending={remove.pending}
          onCancel={() => setDeleting(null)}
          onConfirm={() => onDelete(deleting)}
        >
          {t('vials.deleteQuestion', {
            id: deleting.id,
            lot: deleting.lotNumber,
            date: formatDanishDate(deleting.fillDate),
            time: deleting.fillTime.slice(0, 5),
          })}
        </ConfirmDialog>
      )}
    </div>
  );
}
