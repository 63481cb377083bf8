/** The site's time zone (whoami's `timeZone`), Copenhagen until the session has answered. */
import { DEFAULT_TIME_ZONE } from '@tracershop/core';
import { useSession } from '@tracershop/ui';

export function useTimeZone(): string {
  return useSession().data?.timeZone ?? DEFAULT_TIME_ZONE;
}
