import type { settingsApi } from '../../../src-shared/api/settingsLegacy';
import type { SettingsStore } from '../../deps';
import { AppError } from '../../errors';
import type { AreaHandlers } from './types';

/** settings.get/update as they are today (one flat object); replaced by settings sections. */
export function settingsHandlers({ settings }: { settings: SettingsStore }) {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => {
      if (Object.keys(patch).length === 0) throw new AppError('invalid_input', 'input: give at least one setting to change', { field: 'input' });
      return settings.update(patch);
    },
  } satisfies AreaHandlers<typeof settingsApi>;
}
