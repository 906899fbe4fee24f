import { contract } from '../../src-shared/api';
import { createAdmin, type Handlers } from '../../src-main/admin';
import { openDataDirDatabase, type Db } from '../../src-main/db';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { tmpDir } from './tmp';

/**
 * The admin dispatcher over a real database with every handler a stub answering `{ stub: method }`:
 * only what the dispatcher itself does runs (roles, validation, audit). The caller closes `db`.
 */
export function stubAdmin(): { db: Db; admin: ReturnType<typeof createAdmin> } {
  const db = openDataDirDatabase(tmpDir());
  const handlers = Object.fromEntries(Object.keys(contract).map((m) => [m, () => ({ stub: m })])) as unknown as Handlers;
  return { db, admin: createAdmin({ db, clock: manualClock(Date.UTC(2026, 5, 1)), log: silentLogger(), handlers }) };
}
