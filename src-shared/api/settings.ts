import { z } from 'zod';
import { command, query } from './def';
import { settingsSecretPaths, settingsUpdateSchema, type SettingsView } from '../settings';

/**
 * Owner settings, in sections (src-shared/settings.ts). `get` never returns a secret, only
 * `has<Field>`; `update` takes a partial per section: an omitted field keeps its value, a secret
 * is replaced by text or cleared by null. Both answer the settings as now saved. The secret
 * fields are declared here from the sections' own list, so audit and log redaction follow them.
 */
export const settingsApi = {
  'settings.get': query<SettingsView>()(z.strictObject({})),
  'settings.update': command<SettingsView>()(settingsUpdateSchema, { secret: settingsSecretPaths }),
};

export type SettingsMethod = keyof typeof settingsApi;
