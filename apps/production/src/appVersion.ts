/** The build's version, set by vite.config.ts; the api compares it with its own. */
declare const __TRACERSHOP_VERSION__: string;

export const APP_VERSION: string = __TRACERSHOP_VERSION__;
