/**
 * The site the browser tests run against: a real api on a fresh, seeded SQLite database that
 * serves both built apps, its clock at the real time (the browser's clock is real too), the
 * same version as the build, and sessions long enough for tests that move the clock.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, danishPublicHolidays, siteDateOf, weekdayOf } from '@tracershop/core';
import type { TestApi, TestApiOptions } from '../../apps/api/test/testApi';
import { startTestApi } from '../../apps/api/test/testApi';

export const TIME_ZONE = 'Europe/Copenhagen';

export const customerAppDir = fileURLToPath(new URL('../../apps/customer/dist', import.meta.url));
export const productionAppDir = fileURLToPath(
  new URL('../../apps/production/dist', import.meta.url),
);

/** The version the shop was built with (vite.config.ts reads the same). */
export function appVersion(): string {
  const apiPackage = JSON.parse(
    readFileSync(new URL('../../apps/api/package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return process.env.TRACERSHOP_VERSION ?? apiPackage.version;
}

/** Today on the site's clock (the real time, like the browser's). */
export function siteToday(): string {
  return siteDateOf(Date.now(), TIME_ZONE);
}

/** The `count`th working day (Monday–Friday, not a public holiday) after `from`. */
export function workdayAfter(from: string, count: number): string {
  const year = Number(from.slice(0, 4));
  const holidays = new Set(
    [...danishPublicHolidays(year), ...danishPublicHolidays(year + 1)].map((day) => day.date),
  );
  let day = from;
  for (let found = 0; found < count;) {
    day = addDays(day, 1);
    if (weekdayOf(day) <= 4 && !holidays.has(day)) {
      found += 1;
    }
  }
  return day;
}

/** What a scenario may add to the site: background services and their environment. */
export type SiteOptions = Pick<TestApiOptions, 'backgroundServices' | 'env'>;

export async function startSite(options: SiteOptions = {}): Promise<TestApi> {
  for (const dir of [customerAppDir, productionAppDir]) {
    if (!existsSync(`${dir}/index.html`)) {
      throw new Error(`${dir} is not built: run \`npm run build\` (turbo builds it before e2e).`);
    }
  }
  return startTestApi({
    dialect: 'sqlite',
    now: new Date().toISOString(),
    ...options,
    config: {
      version: appVersion(),
      customerAppDir,
      productionAppDir,
      // The tests move the api's clock days ahead (past a deadline, to the delivery morning);
      // the session must last.
      sessionIdleMinutes: 60 * 24 * 30,
      sessionAbsoluteHours: 24 * 30,
    },
  });
}

/** The id of the demo's FDG delivery to `endpoint` at `deliveryTime` on `day`'s weekday. */
export async function fdgSlotId(
  site: TestApi,
  day: string,
  endpoint: string,
  deliveryTime: string,
): Promise<number> {
  const fdg = await site.db.models.Tracer.findOne({ where: { shortname: 'FDG' } });
  const slot = await site.db.models.ActivityDeliveryTimeSlot.findOne({
    where: { deliveryTime },
    include: [
      { association: 'endpoint', where: { name: endpoint } },
      { association: 'production', where: { tracerId: fdg?.id ?? 0, weekday: weekdayOf(day) } },
    ],
  });
  if (slot === null) {
    throw new Error(`the demo has no ${deliveryTime} FDG delivery to ${endpoint} on ${day}`);
  }
  return slot.id;
}

/** The id of the demo's FDG delivery to PET1 at `deliveryTime` (08:00) on `day`'s weekday. */
export function pet1FdgSlotId(
  site: TestApi,
  day: string,
  deliveryTime = '08:00:00',
): Promise<number> {
  return fdgSlotId(site, day, 'PET1', deliveryTime);
}
