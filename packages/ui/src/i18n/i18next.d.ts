/**
 * Typed texts: `t('…')` compiles only for a key that exists in the shared Danish texts (the
 * i18n completeness tests keep English in step). The `app` namespace is each app's own: here
 * any texts, in each app's declaration its message files.
 */
import 'i18next';
import type { Messages, SharedMessages } from './i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    fallbackNS: 'translation';
    resources: { translation: SharedMessages; app: Messages };
  }
}
