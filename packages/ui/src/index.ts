/**
 * @tracershop/ui — the React pieces both apps share. Consumed as TypeScript source by the
 * apps' Vite builds; import `@tracershop/ui/styles.css` once per app.
 */
export { connectApi, VERSION_HEADER } from './api/apiClient';
export type { ApiClient, ApiConnection, ApiConnectionOptions } from './api/apiClient';
export { ApiProvider, useApi } from './api/ApiProvider';
export { useTRPC, useTRPCClient } from './api/trpc';
export type { ApiOptions } from './api/trpc';
export { ApiTestProvider, fakeApiClient, fakeApiLink, refusal } from './testing/fakeApi';
export type { ApiTestProviderProps, FakeProcedures } from './testing/fakeApi';
export type { ApiContextValue, ConnectionState } from './api/ApiProvider';
export {
  isAnswered,
  isLimitRefusal,
  isVersionMismatch,
  messageOf,
  reasonOf,
} from './api/apiErrors';
export { useClientKeys } from './api/clientKeys';
export type { ClientKeys } from './api/clientKeys';
export { usePendingAction } from './api/pendingAction';
export type { PendingAction } from './api/pendingAction';
export { applyLiveEvent, readsOfEntity, useLiveEvents } from './api/liveEvents';
export { useLogin, useLogout, useSession } from './session/session';
export type { SessionInfo, SessionUserInfo } from './session/session';
export { createI18n, LANGUAGES, localeOf, rememberLanguage } from './i18n/i18n';
export type { I18nOptions, Language, Messages, SharedMessages } from './i18n/i18n';
export { LoginPage } from './login/LoginPage';
export { ChangePasswordPage, PasswordChangeGate } from './session/ChangePasswordPage';
export { LanguageSelect } from './i18n/LanguageSelect';
export { monthNameKey, runtimeText, weekdayNameKey } from './i18n/textKeys';
export type { MonthNumber } from './i18n/textKeys';
export { AppShell, ConnectionLostIndicator } from './shell/AppShell';
export { AlertBox } from './alerts/AlertBox';
export type { AlertLevel } from './alerts/AlertBox';
export { StatusIcon, STATUS_COLOURS } from './status/StatusIcon';
export { TextField } from './inputs/TextField';
export { useFieldError } from './inputs/fieldError';
export type { FieldError } from './inputs/fieldError';
export { fieldErrorsOf, isClean } from './inputs/fieldIssues';
export type { FieldErrors, SchemaIssue } from './inputs/fieldIssues';
export { describedText } from './testing/fieldMessages';
export { DanishNumberInput } from './inputs/DanishNumberInput';
export { TimeInput } from './inputs/TimeInput';
export { withAutoColons } from './inputs/timeTyping';
export { DateInput } from './inputs/DateInput';
export type { DateInputProps } from './inputs/DateInput';
export { withAutoSlashes } from './inputs/dateTyping';
export type { TextFieldProps } from './inputs/TextField';
export { ConfirmDialog } from './dialogs/ConfirmDialog';
export type { ConfirmDialogProps } from './dialogs/ConfirmDialog';
export { SignaturePanel } from './dialogs/SignaturePanel';
export type { Signature, SignaturePanelProps } from './dialogs/SignaturePanel';
export { figuresFor, useFigures } from './figures/figures';
export type { Figures } from './figures/figures';
export { DoseCalculator } from './calculator/DoseCalculator';
export type { DoseCalculatorProps } from './calculator/DoseCalculator';
export { DeadlineBanner, countdownText } from './deadline/DeadlineBanner';
export type { DeadlineBannerProps } from './deadline/DeadlineBanner';
export { siteNow, siteToday, useSiteNow } from './clock/siteClock';
export { MonthCalendar } from './calendar/MonthCalendar';
export { MonthPicker } from './calendar/MonthPicker';
export type { MonthPickerProps } from './calendar/MonthPicker';
export { DAY_COLOURS, dayColourOf, statusesByDate } from './calendar/calendarColours';
export type { DayColour, DayColours } from './calendar/calendarColours';
export { firstOfMonth, monthGrid, shiftMonth } from './calendar/monthGrid';
export { NewVersionPage } from './version/NewVersionPage';
export { CLIENT_ERROR_LIMITS, ErrorBoundary, clientErrorReportOf } from './version/ErrorBoundary';
export type { ClientErrorReport, ErrorBoundaryProps } from './version/ErrorBoundary';
