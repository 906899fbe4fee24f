import { z } from 'zod';
import { def } from './def';
import { settingsUpdateSchema, type SettingsView } from '../settings';

/**
 * Owner settings, in sections (src-shared/settings.ts). `get` never returns a secret, only
 * `has<Field>`; `update` takes a partial per section: an omitted field keeps its value, a secret
 * is replaced by text or cleared by null. Both answer the settings as now saved.
 */
export const settingsApi = {
  'settings.get': def<SettingsView>()(z.strictObject({})),
  'settings.update': def<SettingsView>()(settingsUpdateSchema),
};

export type SettingsMethod = keyof typeof settingsApi;
