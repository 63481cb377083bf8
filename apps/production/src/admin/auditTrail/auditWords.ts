/**
 * An audit action in words: `activityOrder.release` → "Aktivitetsordre: frigivet". An action
 * is `<entity>.<verb>` (the verb may have parts, `release.signatureRefused`); the entity's
 * kind and the verb come from the admin texts. An action without words is shown as it is
 * stored, so nothing is ever hidden.
 */
import { runtimeText } from '@tracershop/ui';
import type { i18n as I18n } from 'i18next';

/** `'activityOrder'` → `'ActivityOrder'` (the entity name of the audit rows). */
function entityNameOf(auditName: string): string {
  return auditName.charAt(0).toUpperCase() + auditName.slice(1);
}

export function actionText(i18n: I18n, action: string): string {
  const [entity = '', ...verbParts] = action.split('.');
  const kind = runtimeText(i18n, `admin.audit.entities.${entityNameOf(entity)}`, { ns: 'app' });
  const verb = runtimeText(i18n, `admin.audit.verbs.${verbParts.join('_')}`, { ns: 'app' });
  if (kind === null || verb === null || verbParts.length === 0) {
    return action;
  }
  return i18n.t('admin.audit.actionText', { ns: 'app', kind, verb });
}
