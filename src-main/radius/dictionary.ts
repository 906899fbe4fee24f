import fs from 'node:fs';
import path from 'node:path';
import radius from 'radius';

/**
 * node-radius's dictionaries are module-global and read once, at its first encode/decode; a
 * dictionary added later is silently ignored. Everything that uses node-radius (the test NAS,
 * tools) calls this first. The server's hot path uses codec.ts and needs no dictionary.
 */
let added = false;

/** resources/ from the source tree (src-main/radius) or the build (build/main/src-main/radius). */
export function resourcesDir(): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'dictionary.mikrotik'))) return candidate;
  }
  throw new Error('resources/dictionary.mikrotik not found');
}

export function loadVendorDictionaries(): typeof radius {
  if (!added) {
    added = true;
    const dir = resourcesDir();
    radius.add_dictionary(path.join(dir, 'dictionary.mikrotik'));
    radius.add_dictionary(path.join(dir, 'dictionary.wispr'));
  }
  return radius;
}
