import { describe, expect, it } from 'vitest';
import { createLanguageMemory } from '../../src-main/portal/languageMemory';

describe('the language a phone last used (the router drops the switch on its own pages)', () => {
  it('recalls per MAC, ignores phones without one, and forgets the least recently used beyond its bound', () => {
    const mem = createLanguageMemory(2);
    mem.remember('AA:00:00:00:00:01', 'bn');
    mem.remember(null, 'bn');
    expect(mem.recall('AA:00:00:00:00:01')).toBe('bn');
    expect(mem.recall(null)).toBeUndefined();
    mem.remember('AA:00:00:00:00:02', 'en');
    mem.remember('AA:00:00:00:00:01', 'bn'); // used again: now the newest
    mem.remember('AA:00:00:00:00:03', 'bn');
    expect(mem.recall('AA:00:00:00:00:02')).toBeUndefined();
    expect(mem.recall('AA:00:00:00:00:01')).toBe('bn');
    expect(mem.recall('AA:00:00:00:00:03')).toBe('bn');
  });
});
