import type { backupsApi } from '../../../src-shared/api/backups';
import type { Backups } from '../../backups';
import type { AreaHandlers } from './types';

/** Handlers for `backups.*` (src-shared/api/backups.ts). */
export function backupsHandlers({ backups }: { backups: Backups }) {
  return {
    'backups.list': () => backups.list(),
    'backups.create': () => backups.create(),
    'backups.restore': ({ file }) => backups.restore(file),
  } satisfies AreaHandlers<typeof backupsApi>;
}
