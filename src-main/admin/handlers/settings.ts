import type { settingsApi } from '../../../src-shared/api/settings';
import type { SettingsStore } from '../../deps';
import { AppError } from '../../errors';
import type { AreaHandlers } from './types';

/** Handlers for `settings.*`: the store validates and seals; these only refuse an empty change. */
export function settingsHandlers({ settings }: { settings: SettingsStore }) {
  return {
    'settings.get': () => settings.view(),
    'settings.update': (patch) => {
      const given = Object.values(patch).some((section) => section && Object.values(section).some((v) => v !== undefined));
      if (!given) throw new AppError('invalid_input', 'input: give at least one setting to change', { field: 'input' });
      return settings.update(patch);
    },
  } satisfies AreaHandlers<typeof settingsApi>;
}
