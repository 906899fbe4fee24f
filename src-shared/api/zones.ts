import { z } from 'zod';
import { command, query, name } from './def';
import type { Zone } from '../domain';

/** Zones: routers sharing one SSID (a device's MAC login works across a zone). */
export const zonesApi = {
  'zones.list': query<Zone[]>()(z.strictObject({})),
  'zones.create': command<Zone>()(z.strictObject({ name, ssid: z.string().min(1).max(32).nullable().optional() })),
};
