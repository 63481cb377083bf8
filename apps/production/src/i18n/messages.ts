/**
 * The app's texts (namespace `app`), one file per area and language so each area's words sit
 * beside nothing else; the top-level keys of the files are disjoint (`orders`, `special`, …).
 */
import daAdmin from './da/admin.json';
import daApiTokens from './da/apiTokens.json';
import daHelp from './da/help.json';
import daIsotopes from './da/isotopes.json';
import daMonitoring from './da/monitoring.json';
import daRecall from './da/recall.json';
import daNavigation from './da/navigation.json';
import daNotices from './da/notices.json';
import daOrders from './da/orders.json';
import daSetup from './da/setup.json';
import daSetupCatalog from './da/setupCatalog.json';
import daSetupDeliveries from './da/setupDeliveries.json';
import daSpecial from './da/special.json';
import daStudies from './da/studies.json';
import daVials from './da/vials.json';
import enAdmin from './en/admin.json';
import enApiTokens from './en/apiTokens.json';
import enHelp from './en/help.json';
import enIsotopes from './en/isotopes.json';
import enMonitoring from './en/monitoring.json';
import enRecall from './en/recall.json';
import enNavigation from './en/navigation.json';
import enNotices from './en/notices.json';
import enOrders from './en/orders.json';
import enSetup from './en/setup.json';
import enSetupCatalog from './en/setupCatalog.json';
import enSetupDeliveries from './en/setupDeliveries.json';
import enSpecial from './en/special.json';
import enStudies from './en/studies.json';
import enVials from './en/vials.json';

/** Each language's files, in the order they are merged. */
export const messageFiles = {
  da: [
    daNavigation,
    daOrders,
    daSpecial,
    daIsotopes,
    daVials,
    daMonitoring,
    daRecall,
    daSetup,
    daSetupDeliveries,
    daSetupCatalog,
    daAdmin,
    daApiTokens,
    daNotices,
    daStudies,
    daHelp,
  ],
  en: [
    enNavigation,
    enOrders,
    enSpecial,
    enIsotopes,
    enVials,
    enMonitoring,
    enRecall,
    enSetup,
    enSetupDeliveries,
    enSetupCatalog,
    enAdmin,
    enApiTokens,
    enNotices,
    enStudies,
    enHelp,
  ],
};

export const messages = {
  da: Object.assign({}, ...messageFiles.da) as MergedMessages<(typeof messageFiles)['da']>,
  en: Object.assign({}, ...messageFiles.en) as MergedMessages<(typeof messageFiles)['en']>,
};

/** The merged type of a list of message files (each file's top-level keys). */
type MergedMessages<Files extends readonly object[]> = UnionToIntersection<Files[number]>;
type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (
  part: infer I,
) => void
  ? I
  : never;
