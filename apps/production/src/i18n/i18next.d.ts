/**
 * Typed texts: `t('…')` compiles only for a key of production's texts (`app`, merged from the
 * area files) or the shared ones (`translation`, the fallback); the i18n tests keep English in
 * step with Danish.
 */
import 'i18next';
import type { SharedMessages } from '@tracershop/ui';
import type { messages } from './messages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    fallbackNS: 'translation';
    resources: { translation: SharedMessages; app: (typeof messages)['da'] };
  }
}
