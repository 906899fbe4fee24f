import { z } from 'zod';
import { query, id, mac } from './def';
import { listPageInput, searchText, sortInput } from './listQuery';
import type { Page } from '../domain';
import { authLogReasons } from '../radiusReasons';
import type { AuthLogEntry } from './radius';

/** Any reason an auth-log line can carry (a refused login or an ignored packet). */
export const authLogReasonSchema = z.enum(authLogReasons);

/** authLog.list's sort keys; the default is at, newest first. */
export const authLogSortKeys = ['at', 'result', 'reason'] as const;
export type AuthLogSortKey = (typeof authLogSortKeys)[number];

/** Every login RADIUS answered (or packet it ignored), searchable by router, user, MAC, result. */
export const authLogApi = {
  'authLog.list': query<Page<AuthLogEntry>>()(
    z.strictObject({
      routerId: id.optional(),
      username: z.string().trim().max(64).optional(),
      mac: mac.optional(),
      result: z.enum(['accept', 'reject', 'drop']).optional(),
      reason: authLogReasonSchema.optional(),
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      /** A prefix of the user name (a phone number in any form) or of the MAC. */
      search: searchText,
      sort: sortInput(authLogSortKeys),
      ...listPageInput,
    }),
  ),
};
