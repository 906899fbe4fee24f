/**
 * mulberry32: a tiny seeded PRNG for fuzz and stress tests, so a failing run can be repeated
 * from its seed. Numbers in [0, 1). (scripts/bench-storm.js is plain JS and keeps its own copy.)
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
