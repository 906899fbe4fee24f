import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { errorMessages, AppError } from '../../src-main/errors';

describe('error codes', () => {
  it('every code has a message a shop owner can act on', () => {
    for (const [code, message] of Object.entries(errorMessages)) {
      expect(message.length, code).toBeGreaterThan(15);
      expect(message.endsWith('.'), code).toBe(true);
    }
  });

  it('every code thrown in src-main is in the map', () => {
    const root = path.resolve(__dirname, '../../src-main');
    const used = new Set<string>();
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/new AppError\(\s*'([A-Za-z_]+)'/g)) used.add(m[1]!);
        }
      }
    };
    walk(root);
    expect(used.size).toBeGreaterThan(5);
    for (const code of used) expect(errorMessages, code).toHaveProperty(code);
  });

  it('AppError defaults to the mapped message', () => {
    const e = new AppError('PORT_IN_USE');
    expect(e.message).toBe(errorMessages.PORT_IN_USE);
    expect(e.code).toBe('PORT_IN_USE');
  });
});
