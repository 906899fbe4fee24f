import type { Logger } from '../log';

/**
 * Logs a router's connection trouble when it starts or changes, and its recovery once; the same
 * problem again (the status poll every minute, the owner retrying) is only a debug line, so an
 * access point that is switched off for a day does not fill the console with one warning a minute.
 */
export interface ContactLog {
  failed(routerId: number, code: string, reason: string): void;
  succeeded(routerId: number): void;
  /** A removed or edited router starts afresh. */
  forget(routerId: number): void;
}

export function createContactLog(log: Logger): ContactLog {
  const problems = new Map<number, string>();
  return {
    failed(routerId, code, reason) {
      if (problems.get(routerId) === code) {
        log.debug({ router: routerId, code }, 'router still unreachable');
        return;
      }
      problems.set(routerId, code);
      log.warn({ router: routerId, code, reason }, 'routeros call failed');
    },
    succeeded(routerId) {
      const was = problems.get(routerId);
      if (was === undefined) return;
      problems.delete(routerId);
      log.info({ router: routerId, was }, 'router reachable again');
    },
    forget(routerId) {
      problems.delete(routerId);
    },
  };
}
