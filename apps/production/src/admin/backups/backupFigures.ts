/**
 * A backup's size and duration in words for the site admin's page: sizes in decimal units
 * (`45,9 kB`, `1,2 GB`) with the language's decimal sign, durations in seconds below a minute
 * (`4,3 s`) and in minutes and seconds above (`2 min 5 s`).
 */
const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

export function sizeText(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const number = value.toLocaleString(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${number} ${SIZE_UNITS[unit]}`;
}

export type DurationParts =
  { key: 'seconds'; seconds: string } | { key: 'minutes'; minutes: number; seconds: number };

export function durationParts(milliseconds: number, locale: string): DurationParts {
  if (milliseconds < 60_000) {
    return {
      key: 'seconds',
      seconds: (milliseconds / 1000).toLocaleString(locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }),
    };
  }
  const total = Math.round(milliseconds / 1000);
  return { key: 'minutes', minutes: Math.floor(total / 60), seconds: total % 60 };
}
