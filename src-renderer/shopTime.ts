import { useMemo } from 'react';
import type { TimeDisplay } from '../src-shared/format';
import type { Settings } from '../src-shared/settings';
import { DEFAULT_TIME_ZONE, isValidTimeZone, zonedDaysFilter, zonedYmd } from '../src-shared/time';
import { useSettingsStore } from './stores/settingsStore';

/**
 * The shop's time zone, read in this one place: every time the UI shows, every date filter and
 * every "today" uses the shop's calendar (settings), never the browser's, so a sale at 00:30 in
 * Dhaka is on the same day for the owner, the invoice and the dashboard wherever the browser is.
 */
export function shopTimeZoneOf(settings: Settings | null): string {
  const tz = settings?.shop.timezone;
  // Before settings load, or a zone the runtime does not know: the product's home zone.
  return tz && isValidTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}

/** For components: re-renders when the setting changes. */
export function useShopTimeZone(): string {
  return useSettingsStore((s) => shopTimeZoneOf(s.settings));
}

/** For stores and event handlers (outside React's render). */
export function currentShopTimeZone(): string {
  return shopTimeZoneOf(useSettingsStore.getState().settings);
}

/** Date inputs (yyyy-mm-dd, both days included) → the API's [from, to) over the shop's days. */
export function shopDaysFilter(from: string, to: string, timeZone: string = currentShopTimeZone()): { from?: number; to?: number } {
  return zonedDaysFilter(from, to, timeZone);
}

/** Today's date in the shop, as a date input shows it. */
export function shopToday(timeZone: string = currentShopTimeZone(), now: number = Date.now()): string {
  return zonedYmd(now, timeZone);
}

/** The shop's zone and the owner's 12/24-hour choice, for formatDateTime (re-renders on change). */
export function useShopTimeDisplay(): TimeDisplay {
  const timeZone = useShopTimeZone();
  const clock = useSettingsStore((s) => s.settings?.display?.clock ?? '24h');
  return useMemo(() => ({ timeZone, clock }), [timeZone, clock]);
}
