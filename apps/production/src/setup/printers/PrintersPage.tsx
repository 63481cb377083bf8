/**
 * "Printer" (docs/domain.md): the active label printer and delivery-note printer ("Ingen valgt"
 * for none), chosen at once; the printers as editable rows (Navn, Ip addresse, Port, Label
 * printer) with a blank row that adds one; per printer a test print that reports the job or
 * why it failed, and delete (not for an active printer, which the api refuses as well).
 */
import { printerCreateInput, validatePort } from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  ConfirmDialog,
  fieldErrorsOf,
  isClean,
  localeOf,
  messageOf,
  TextField,
  usePendingAction,
} from '@tracershop/ui';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../session/PageLoading';
import type { ServerSettings } from '../settings/settingsApi';
import { useServerSettings } from '../settings/settingsApi';
import { useDraft } from '../draft';
import { RowSaveButton, saveOnEnter } from '../EditableRow';
import type { Printer, TestPrintResult } from './printersApi';
import { usePrinterWrites, usePrinters } from './printersApi';
import '../setup.css';

type Field = 'name' | 'host' | 'port';

interface PrinterDraft {
  name: string;
  host: string;
  port: string;
  labelPrinter: boolean;
}

const EMPTY_DRAFT: PrinterDraft = { name: '', host: '', port: '', labelPrinter: false };

function draftOf(printer: Printer): PrinterDraft {
  return {
    name: printer.name,
    host: printer.host,
    port: String(printer.port),
    labelPrinter: printer.labelPrinter,
  };
}

function ActivePrinters({
  printers,
  settings,
}: {
  printers: readonly Printer[];
  settings: ServerSettings;
}) {
  const { t } = useTranslation('app');
  const writes = usePrinterWrites();
  const choose = usePendingAction();
  const labelPrinters = printers.filter((printer) => printer.labelPrinter);
  const notePrinters = printers.filter((printer) => !printer.labelPrinter);

  function select(
    label: string,
    value: number | null | undefined,
    options: readonly Printer[],
    field: 'activeLabelPrinterId' | 'activePrinterId',
  ) {
    return (
      <label>
        {label}
        <select
          className="ts-input"
          value={value ?? ''}
          disabled={choose.pending}
          aria-busy={choose.pending}
          onChange={(event) => {
            const id = event.target.value === '' ? null : Number(event.target.value);
            void choose.run(() => writes.choose.mutateAsync({ [field]: id }));
          }}
        >
          <option value="">{t('setupCatalog.printers.noneChosen')}</option>
          {options.map((printer) => (
            <option key={printer.id} value={printer.id}>
              {printer.name}
            </option>
          ))}
        </select>
      </label>
    );
  }

  return (
    <div className="setup-catalog__form">
      {select(
        t('setupCatalog.printers.activeLabelPrinter'),
        settings.activeLabelPrinterId,
        labelPrinters,
        'activeLabelPrinterId',
      )}
      {select(
        t('setupCatalog.printers.activeNotePrinter'),
        settings.activePrinterId,
        notePrinters,
        'activePrinterId',
      )}
      {choose.failure === null ? null : <AlertBox level="error">{choose.failure}</AlertBox>}
    </div>
  );
}

function testPrintText(result: TestPrintResult, t: TFunction<'app'>) {
  return result.completed
    ? t('setupCatalog.printers.testPrinted', { printer: result.printerName, job: result.jobId })
    : t('setupCatalog.printers.testQueued', {
        printer: result.printerName,
        job: result.jobId,
        state: result.state,
      });
}

interface PrinterRowProps {
  printer?: Printer;
  printers: readonly Printer[];
  active: boolean;
  onCreated?: () => void;
}

function PrinterRow({ printer, printers, active, onCreated }: PrinterRowProps) {
  const { t, i18n } = useTranslation('app');
  const locale = localeOf(i18n.language);
  const writes = usePrinterWrites();
  const save = usePendingAction();
  const test = usePendingAction();
  const remove = usePendingAction();
  const stored = printer === undefined ? EMPTY_DRAFT : draftOf(printer);
  const { draft, set, changed } = useDraft(stored);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [tested, setTested] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const name = printer?.name ?? t('setupCatalog.printers.newPrinter');
  const labels: Record<Field, string> = {
    name: t('setupCatalog.printers.name'),
    host: t('setupCatalog.printers.host'),
    port: t('setupCatalog.printers.port'),
  };
  const fieldLabel = (field: string) => t('setupCatalog.printers.fieldOf', { field, name });

  function submit() {
    if (!changed || save.pending) {
      return;
    }
    const port = validatePort(draft.port);
    const parsed = printerCreateInput.safeParse({
      name: draft.name,
      host: draft.host,
      port: port.ok ? port.value : undefined,
      labelPrinter: draft.labelPrinter,
    });
    const found: FieldErrors<Field> = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, locale);
    if (!port.ok) {
      found.port = fieldErrorsOf(
        [{ path: ['port'], message: port.issue.key }],
        labels,
        locale,
      ).port;
    }
    const wanted = draft.name.trim().toLocaleLowerCase('da');
    if (
      found.name === undefined &&
      printers.some(
        (other) => other.id !== printer?.id && other.name.toLocaleLowerCase('da') === wanted,
      )
    ) {
      found.name = t('setupCatalog.printers.nameTaken');
    }
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    const input = parsed.data;
    if (printer === undefined) {
      void save.run(
        () => writes.create.mutateAsync(input),
        () => onCreated?.(),
      );
    } else {
      void save.run(() => writes.edit.mutateAsync({ id: printer.id, ...input }));
    }
  }

  const onKeyDown = saveOnEnter(submit);

  const newRowFilled =
    draft.name.trim() !== '' && draft.host.trim() !== '' && draft.port.trim() !== '';

  return (
    <tr
      className={printer === undefined ? 'setup-catalog__new-row' : undefined}
      onKeyDown={onKeyDown}
    >
      <td>
        <TextField
          label={fieldLabel(labels.name)}
          hideLabel
          value={draft.name}
          onChange={(value) => set('name', value)}
          error={errors.name ?? null}
          maxLength={48}
        />
      </td>
      <td>
        <TextField
          label={fieldLabel(labels.host)}
          hideLabel
          value={draft.host}
          onChange={(value) => set('host', value)}
          error={errors.host ?? null}
        />
      </td>
      <td>
        <TextField
          label={fieldLabel(labels.port)}
          hideLabel
          inputMode="numeric"
          value={draft.port}
          onChange={(value) => set('port', value)}
          error={errors.port ?? null}
          size={6}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={fieldLabel(t('setupCatalog.printers.labelPrinter'))}
          checked={draft.labelPrinter}
          onChange={(event) => set('labelPrinter', event.target.checked)}
        />
      </td>
      <td>
        <div className="setup-catalog__actions">
          {printer === undefined ? null : (
            <>
              <button
                type="button"
                className="ts-button ts-button--light"
                disabled={test.pending}
                aria-busy={test.pending}
                aria-label={t('setupCatalog.printers.testPrintOf', { name })}
                onClick={() => {
                  setTested(null);
                  void test.run(async () => {
                    const result = await writes.testPrint.mutateAsync({ printerId: printer.id });
                    setTested(testPrintText(result, t));
                  });
                }}
              >
                {test.pending
                  ? t('setupCatalog.printers.testPrinting')
                  : t('setupCatalog.printers.testPrint')}
              </button>
              <button
                type="button"
                className="ts-button ts-button--light"
                disabled={active || remove.pending}
                title={active ? t('setupCatalog.printers.activeNoDelete') : undefined}
                aria-label={t('setupCatalog.printers.deleteOf', { name })}
                onClick={() => setAsking(true)}
              >
                ✕
              </button>
            </>
          )}
          {changed && (printer !== undefined || newRowFilled) ? (
            <RowSaveButton
              isNew={printer === undefined}
              name={name}
              createLabel={t('setupCatalog.printers.create')}
              pending={save.pending}
              onSave={submit}
            />
          ) : null}
        </div>
        {tested === null ? null : <p role="status">{tested}</p>}
        {test.failure === null ? null : <AlertBox level="error">{test.failure}</AlertBox>}
        {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
        {remove.failure === null ? null : <AlertBox level="error">{remove.failure}</AlertBox>}
        {printer === undefined ? null : (
          <ConfirmDialog
            open={asking}
            title={t('setupCatalog.printers.deleteTitle')}
            pending={remove.pending}
            onCancel={() => setAsking(false)}
            onConfirm={() =>
              void remove.run(
                () => writes.remove.mutateAsync({ id: printer.id }),
                () => setAsking(false),
              )
            }
          >
            {t('setupCatalog.printers.deleteQuestion', { name })}
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}

export function PrintersView({
  printers,
  settings,
}: {
  printers: readonly Printer[];
  settings: ServerSettings;
}) {
  const { t } = useTranslation('app');
  const [newRowKey, setNewRowKey] = useState(0);
  const activeIds = new Set([settings.activePrinterId, settings.activeLabelPrinterId]);
  return (
    <section className="setup-catalog" aria-labelledby="setup-printers-title">
      <h2 id="setup-printers-title">{t('setup.printers')}</h2>
      <ActivePrinters printers={printers} settings={settings} />
      <table className="production-table">
        <thead>
          <tr>
            <th scope="col">{t('setupCatalog.printers.name')}</th>
            <th scope="col">{t('setupCatalog.printers.host')}</th>
            <th scope="col">{t('setupCatalog.printers.port')}</th>
            <th scope="col">{t('setupCatalog.printers.labelPrinter')}</th>
            <th scope="col">{t('setupCatalog.tracers.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {printers.map((printer) => (
            <PrinterRow
              key={`${printer.id}/${JSON.stringify(draftOf(printer))}`}
              printer={printer}
              printers={printers}
              active={activeIds.has(printer.id)}
            />
          ))}
          <PrinterRow
            key={`new-${newRowKey}`}
            printers={printers}
            active={false}
            onCreated={() => setNewRowKey((key) => key + 1)}
          />
        </tbody>
      </table>
    </section>
  );
}

export default function PrintersPage() {
  const printers = usePrinters();
  const settings = useServerSettings();
  const error = printers.error ?? settings.error;
  if (error !== null) {
    return <AlertBox level="error">{messageOf(error)}</AlertBox>;
  }
  if (printers.data === undefined || settings.data === undefined) {
    return <PageLoading />;
  }
  return <PrintersView printers={printers.data} settings={settings.data} />;
}
