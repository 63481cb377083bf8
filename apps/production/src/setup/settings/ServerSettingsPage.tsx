/**
 * "Server": the site's server settings (the window of dated data, whom to call, the unit's
 * name and address on documents, the RIS worklist address). Only the site admin may change
 * them (`admin.config`; `setup.settings.edit` refuses the rest): production admins see them
 * read-only with a note. The active printers are chosen on the "Printer" page. Below, the site
 * admin keeps the service addresses ("Tjenesteadresser", ServiceAddressesSection.tsx).
 */
import type { UserGroup } from '@tracershop/core';
import {
  ServiceAddressKind,
  allowed,
  serverSettingsEditInput,
  validateWholePositiveNumber,
} from '@tracershop/core';
import type { FieldErrors } from '@tracershop/ui';
import {
  AlertBox,
  DanishNumberInput,
  fieldErrorsOf,
  isClean,
  localeOf,
  messageOf,
  TextField,
  usePendingAction,
  useSession,
} from '@tracershop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../session/PageLoading';
import { useDraft } from '../draft';
import type { ServerSettings, ServiceAddress } from './settingsApi';
import { useServerSettings, useServiceAddresses, useSettingsEdit } from './settingsApi';
import { ServiceAddressesSection } from './ServiceAddressesSection';
import '../setup.css';

type Field = 'dateRangeDays' | 'adminPhone' | 'adminEmail' | 'unitName' | 'unitAddress';

interface SettingsDraft {
  dateRangeDays: string;
  adminPhone: string;
  adminEmail: string;
  unitName: string;
  unitAddress: string;
  risAddressId: string;
}

function draftOf(settings: ServerSettings): SettingsDraft {
  return {
    dateRangeDays: String(settings.dateRangeDays),
    adminPhone: settings.adminPhone,
    adminEmail: settings.adminEmail,
    unitName: settings.unitName ?? '',
    unitAddress: settings.unitAddress ?? '',
    risAddressId: settings.risAddressId == null ? '' : String(settings.risAddressId),
  };
}

function addressName(address: ServiceAddress): string {
  const place = `${address.host}:${address.port}`;
  const title = address.aeTitle == null ? '' : ` (${address.aeTitle})`;
  return address.description ? `${address.description} - ${place}${title}` : `${place}${title}`;
}

export interface ServerSettingsViewProps {
  settings: ServerSettings;
  /** Whether the last change was saved (kept by the parent: a save re-creates the form). */
  saved: boolean;
  onSaved(saved: boolean): void;
  /** May change them (site admin); otherwise read-only. */
  editable: boolean;
  /** The service addresses, the RIS among the DICOM ones (site admin only). */
  addresses: readonly ServiceAddress[];
}

export function ServerSettingsView({
  settings,
  saved,
  onSaved,
  editable,
  addresses,
}: ServerSettingsViewProps) {
  const { t, i18n } = useTranslation('app');
  const locale = localeOf(i18n.language);
  const edit = useSettingsEdit();
  const save = usePendingAction();
  const stored = draftOf(settings);
  const { draft, set, changed } = useDraft(stored);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const labels: Record<Field, string> = {
    dateRangeDays: t('setupCatalog.settings.dateRangeDays'),
    adminPhone: t('setupCatalog.settings.adminPhone'),
    adminEmail: t('setupCatalog.settings.adminEmail'),
    unitName: t('setupCatalog.settings.unitName'),
    unitAddress: t('setupCatalog.settings.unitAddress'),
  };

  function submit() {
    if (!editable || !changed || save.pending) {
      return;
    }
    const days = validateWholePositiveNumber(draft.dateRangeDays, 'activity');
    const parsed = serverSettingsEditInput.safeParse({
      dateRangeDays: days.ok ? days.value : undefined,
      adminPhone: draft.adminPhone,
      adminEmail: draft.adminEmail,
      unitName: draft.unitName.trim() === '' ? null : draft.unitName,
      unitAddress: draft.unitAddress.trim() === '' ? null : draft.unitAddress,
      risAddressId: draft.risAddressId === '' ? null : Number(draft.risAddressId),
    });
    const found: FieldErrors<Field> = parsed.success
      ? {}
      : fieldErrorsOf(parsed.error.issues, labels, locale);
    if (!days.ok) {
      found.dateRangeDays = fieldErrorsOf(
        [{ path: ['dateRangeDays'], message: days.issue.key }],
        labels,
        locale,
      ).dateRangeDays;
    }
    setErrors(found);
    if (!parsed.success || !isClean(found)) {
      return;
    }
    const input = parsed.data;
    void save.run(
      () => edit.mutateAsync(input),
      () => onSaved(true),
    );
  }

  function field(name: Field, extra: { type?: string; maxLength?: number } = {}) {
    return (
      <TextField
        label={labels[name]}
        value={draft[name]}
        onChange={(value) => set(name, value)}
        error={errors[name] ?? null}
        readOnly={!editable}
        {...extra}
      />
    );
  }

  return (
    <section className="setup-catalog" aria-labelledby="setup-settings-title">
      <h2 id="setup-settings-title">{t('setupCatalog.settings.title')}</h2>
      {editable ? null : <AlertBox level="hint">{t('setupCatalog.settings.readOnly')}</AlertBox>}
      <form
        className="setup-catalog__settings"
        aria-labelledby="setup-settings-title"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <DanishNumberInput
          label={labels.dateRangeDays}
          value={draft.dateRangeDays}
          onChange={(value) => set('dateRangeDays', value)}
          error={errors.dateRangeDays ?? null}
          readOnly={!editable}
          title={t('setupCatalog.settings.dateRangeDaysHint')}
        />
        {field('adminPhone', { type: 'tel', maxLength: 32 })}
        {field('adminEmail', { type: 'email', maxLength: 64 })}
        {field('unitName', { maxLength: 128 })}
        {field('unitAddress', { maxLength: 256 })}
        {editable ? (
          <label className="ts-field">
            {t('setupCatalog.settings.risAddress')}
            <select
              className="ts-input"
              value={draft.risAddressId}
              onChange={(event) => set('risAddressId', event.target.value)}
            >
              <option value="">{t('setupCatalog.settings.noRisAddress')}</option>
              {addresses
                .filter((address) => address.kind === ServiceAddressKind.Dicom)
                .map((address) => (
                  <option key={address.id} value={address.id}>
                    {addressName(address)}
                  </option>
                ))}
            </select>
          </label>
        ) : null}
        {editable ? (
          <span className="setup-catalog__actions">
            <button
              type="submit"
              className="ts-button"
              disabled={!changed || save.pending}
              aria-busy={save.pending}
            >
              {t('setupCatalog.common.save')}
            </button>
          </span>
        ) : null}
      </form>
      {save.failure === null ? null : <AlertBox level="error">{save.failure}</AlertBox>}
      {saved ? <p role="status">{t('setupCatalog.settings.saved')}</p> : null}
      <p className="setup-catalog__hint">{t('setupCatalog.settings.printersElsewhere')}</p>
    </section>
  );
}

function SettingsLoaded({ userGroup }: { userGroup: UserGroup }) {
  const editable = allowed(userGroup, 'admin.config');
  const settings = useServerSettings();
  const addresses = useServiceAddresses(editable);
  const [saved, setSaved] = useState(false);
  const error = settings.error ?? addresses.error;
  if (error !== null) {
    return <AlertBox level="error">{messageOf(error)}</AlertBox>;
  }
  if (settings.data === undefined || (editable && addresses.data === undefined)) {
    return <PageLoading />;
  }
  return (
    <>
      <ServerSettingsView
        key={JSON.stringify(draftOf(settings.data))}
        settings={settings.data}
        saved={saved}
        onSaved={setSaved}
        editable={editable}
        addresses={addresses.data ?? []}
      />
      {editable ? <ServiceAddressesSection addresses={addresses.data ?? []} /> : null}
    </>
  );
}

export default function ServerSettingsPage() {
  const session = useSession();
  const user = session.data?.user ?? null;
  if (user === null) {
    return <PageLoading />;
  }
  return <SettingsLoaded userGroup={user.userGroup} />;
}
