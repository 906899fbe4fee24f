import type http from 'node:http';

/**
 * What every gateway fake needs to play a gateway that does not answer: a count of the requests
 * it is holding (never answered) and a way for a test to wait until N are held, so a timeout test
 * waits on a signal, not a sleep.
 */
export function createHeldRequests() {
  const waiters: Array<() => void> = [];
  let held = 0;
  return {
    /** A request is now held: wake the tests waiting for it. */
    add(): void {
      held++;
      for (const w of waiters.splice(0)) w();
    },
    get count(): number {
      return held;
    },
    /** Resolves once `n` requests are being held. */
    whenHeld(n: number): Promise<void> {
      return new Promise((resolve) => {
        const check = () => (held >= n ? resolve() : waiters.push(check));
        check();
      });
    },
  };
}

/** Closes a fake's server, held requests and keep-alive connections included. */
export async function stopFakeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
