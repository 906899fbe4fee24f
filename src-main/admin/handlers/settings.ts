import type { Handler, Handlers } from '../index';
import type { SettingsMethod } from '../../../src-shared/api/settings';
import type { SettingsStore } from '../../deps';
import { AppError } from '../../errors';

/** Handlers for `settings.*`: the store validates and seals; these only refuse an empty change. */
export function settingsHandlers(d: { settings: SettingsStore }) {
  const { settings } = d;
  const h = {
    'settings.get': () => settings.view(),
    'settings.update': (patch) => {
      const given = Object.values(patch).some((section) => section && Object.values(section).some((v) => v !== undefined));
      if (!given) throw new AppError('invalid_input', 'input: give at least one setting to change', { field: 'input' });
      return settings.update(patch);
    },
  } satisfies { [M in SettingsMethod]: Handler<M> };
  return h as Pick<Handlers, keyof typeof h>;
}
