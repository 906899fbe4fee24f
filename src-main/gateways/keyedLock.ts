/**
 * An in-process mutex per key (a payment id): callers for one payment run one after another,
 * others in parallel. The ledger's state guards cover other processes; this one keeps one
 * engine from asking the gateway twice at the same moment (callback + IPN, two tabs).
 */
export function createKeyedLock() {
  const tails = new Map<number, Promise<unknown>>();
  return {
    run<T>(key: number, fn: () => Promise<T>): Promise<T> {
      const prev = tails.get(key) ?? Promise.resolve();
      const next = prev.then(fn, fn);
      const tail = next.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
    size: () => tails.size,
  };
}
