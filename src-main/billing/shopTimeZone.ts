import type { SettingsStore } from '../deps';
import { defaultSettings } from '../../src-shared/settings';
import { isValidTimeZone } from '../../src-shared/time';

/**
 * The shop's time zone, as billing reads it (invoice dates). The one place billing reads the
 * setting, so a change of the settings' shape changes one line.
 *
 * A zone this runtime does not know (saved before validation refused it) falls back to the
 * default instead of failing every sale: an invoice date a few hours off beats no sale at all.
 */
export function createShopTimeZone(settings: SettingsStore): () => string {
  let checked = '';
  let valid = false;
  return () => {
    const tz = settings.get().shop.timezone;
    if (tz !== checked) {
      checked = tz;
      valid = isValidTimeZone(tz);
    }
    return valid ? tz : defaultSettings.shop.timezone;
  };
}
