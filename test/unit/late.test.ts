import { describe, expect, it } from 'vitest';
import { late } from '../../src-main/late';

describe('late()', () => {
  it('throws an error naming the value when read before it is bound', () => {
    const ref = late<number>('radius');
    expect(() => ref.get()).toThrow(/radius was used before the engine bound it/);
  });

  it('returns the bound value, and refuses a second binding', () => {
    const ref = late<{ n: number }>('radius');
    const v = { n: 1 };
    ref.bind(v);
    expect(ref.get()).toBe(v);
    expect(() => ref.bind({ n: 2 })).toThrow(/radius is already bound/);
    expect(ref.get()).toBe(v);
  });
});
