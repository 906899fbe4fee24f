import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDataDirDatabase, type Db } from '../../src-main/db';
import { createGroupCommitter } from '../../src-main/radius/groupCommit';
import { tmpDir } from '../helpers/tmp';

const open: Db[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

// docs/security.md relies on this: the engine's connection runs synchronous=NORMAL (survives a
// crashed process), and accounting's acknowledged writes commit at FULL (survive a power cut),
// resolving only once committed, so a router is never told "stored" about a write still in flight.
describe('accounting group commit durability', () => {
  it('commits each batch at synchronous=FULL on a NORMAL connection, and resolves only once another connection can read it', async () => {
    const dir = tmpDir();
    const db = openDataDirDatabase(dir);
    open.push(db);
    db.exec('CREATE TABLE t (v INTEGER)');
    const NORMAL = 1;
    const FULL = 2;
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');

    const seenInside: unknown[] = [];
    const committer = createGroupCommitter<number>(db, (v) => {
      seenInside.push(db.pragma('synchronous', { simple: true }));
      db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
    });
    const reader = new Database(path.join(dir, 'hotspotdesk.db'), { readonly: true });
    try {
      const count = () => (reader.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
      const acks = [1, 2, 3].map((v) => committer.submit(v).then(() => count()));
      expect(count()).toBe(0); // nothing committed before the batch runs
      // Each acknowledgement fires after COMMIT: a second connection already sees all three rows.
      expect(await Promise.all(acks)).toEqual([3, 3, 3]);
    } finally {
      reader.close();
    }
    expect(seenInside).toEqual([FULL, FULL, FULL]);
    expect(committer.stats()).toMatchObject({ batches: 1, items: 3 });
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL); // back to the connection's own
  });
});
