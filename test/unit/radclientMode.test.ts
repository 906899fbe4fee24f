import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRadclient, isCi, radclientMode } from '../helpers/radclient';
import { tmpDir } from '../helpers/tmp';

/** A directory holding an executable named radclient (its content never runs). */
function dirWithRadclient(): string {
  const d = tmpDir();
  fs.writeFileSync(path.join(d, 'radclient'), '#!/bin/sh\n', { mode: 0o755 });
  return d;
}

describe('radclient interop tests: run, skip or fail', () => {
  it('run when radclient is on PATH, whether or not CI is set', () => {
    const d = dirWithRadclient();
    expect(findRadclient({ PATH: d })).toBe(path.join(d, 'radclient'));
    expect(radclientMode({ PATH: d })).toBe('run');
    expect(radclientMode({ PATH: d, CI: 'true' })).toBe('run');
  });

  it('missing: skip on a developer machine, fail under CI', () => {
    const empty = tmpDir();
    expect(findRadclient({ PATH: empty })).toBeNull();
    expect(radclientMode({ PATH: empty })).toBe('skip');
    expect(radclientMode({ PATH: empty, CI: '' })).toBe('skip');
    expect(radclientMode({ PATH: empty, CI: 'false' })).toBe('skip');
    expect(radclientMode({ PATH: empty, CI: 'true' })).toBe('fail');
    expect(radclientMode({ PATH: empty, CI: '1' })).toBe('fail');
    // $RADCLIENT names the binary; one that does not exist counts as missing.
    expect(radclientMode({ PATH: dirWithRadclient(), RADCLIENT: path.join(empty, 'nope'), CI: '1' })).toBe('fail');
  });

  it('a non-executable file named radclient is not radclient', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'radclient'), 'x', { mode: 0o644 });
    expect(findRadclient({ PATH: d })).toBeNull();
    expect(isCi({ CI: 'TRUE' })).toBe(true);
  });
});
