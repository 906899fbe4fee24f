import { z } from 'zod';
import { command, query, id, pageInput } from './def';
import type { Page } from '../domain';
import type { KickResult, SessionInfo } from './radius';

/** RADIUS accounting sessions: who is (or was) online, and disconnecting one. */
export const sessionsApi = {
  'sessions.list': query<Page<SessionInfo>>()(
    z.strictObject({
      status: z.enum(['online', 'stopped', 'stale', 'all']).optional(),
      routerId: id.optional(),
      customerId: id.optional(),
      /** Matches the username, phone, MAC or IP (substring). */
      search: z.string().trim().max(50).optional(),
      ...pageInput,
    }),
  ),
  'sessions.kick': command<KickResult>()(z.strictObject({ id })),
};
