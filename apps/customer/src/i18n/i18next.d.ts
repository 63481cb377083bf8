/**
 * Typed texts: `t('…')` compiles only for a key of the shop's texts (`app`) or the shared ones
 * (`translation`, the fallback); the i18n tests keep English in step with Danish.
 */
import 'i18next';
import type { SharedMessages } from '@tracershop/ui';
import type da from './da.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    fallbackNS: 'translation';
    resources: { translation: SharedMessages; app: typeof da };
  }
}
