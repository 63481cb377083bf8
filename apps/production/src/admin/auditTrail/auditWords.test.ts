import { describe, expect, it } from 'vitest';
import { createI18n } from '@tracershop/ui';
import { messages } from '../../i18n/messages';
import { actionText } from './auditWords';

describe('actionText', () => {
  const da = createI18n({ language: 'da', messages });
  const en = createI18n({ language: 'en', messages });

  it('writes an action as the entity’s kind and what happened', () => {
    expect(actionText(da, 'activityOrder.release')).toBe('Aktivitetsordre: frigivet');
    expect(actionText(da, 'vial.import')).toBe('Hætteglas: importeret fra dispenseren');
    expect(actionText(da, 'activityOrder.release.signatureRefused')).toBe(
      'Aktivitetsordre: underskrift afvist ved frigivelse',
    );
    expect(actionText(en, 'activityOrder.release')).toBe('Activity order: released');
  });

  it('shows an action without words as it is stored', () => {
    expect(actionText(da, 'export.monthly')).toBe('export.monthly');
    expect(actionText(da, 'activityOrder.somethingNew')).toBe('activityOrder.somethingNew');
    expect(actionText(da, 'plain')).toBe('plain');
  });
});
