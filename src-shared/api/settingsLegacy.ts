import { z } from 'zod';
import { command, query } from './def';
import type { Settings } from '../settings';
import { settingsSchema } from '../settings';

/** The settings methods as they are today (one flat object); replaced by settings sections. */
export const settingsApi = {
  'settings.get': query<Settings>()(z.strictObject({})),
  'settings.update': command<Settings>()(settingsSchema.partial().strict()),
};
