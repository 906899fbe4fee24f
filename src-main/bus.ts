import { EventEmitter } from 'node:events';

/**
 * In-process events between subsystems, so billing need not import radius (and vice versa).
 * Listeners run synchronously inside emit(); a listener that needs I/O starts it and returns.
 * Emitters never call emit() themselves: they announce through `deps.events.afterCommit`
 * (src-main/afterCommit.ts), which raises an event only once its write has committed.
 */
export interface BusEvents {
  /** A subscription stopped granting access (time up, data used up, cancelled by the owner). */
  'subscription.ended': { subscriptionId: number; customerId: number; reason: 'expired' | 'exhausted' | 'cancelled' };
  /** A subscription became active (bought with none active, or promoted from the queue). */
  'subscription.activated': { subscriptionId: number; customerId: number };
  /** A 'firstLogin' subscription's validity started (its first Access-Accept): it has an expiry now. */
  'subscription.clockStarted': { subscriptionId: number; customerId: number };
  /** A subscription got more time or data (a top-up purchase): online sessions get the new limits. */
  'subscription.toppedUp': { subscriptionId: number; customerId: number };
  /** A customer was disabled by the owner: their sessions should be disconnected. */
  'customer.disabled': { customerId: number };
  /** A router or zone was created, changed or removed (RADIUS reloads its NAS table). */
  'routers.changed': { routerId: number | null };
  /** A package was created, changed or archived (the portal drops its rendered package lists). */
  'packages.changed': { packageId: number };
  /** A payment completed (any method). */
  'payment.completed': { paymentId: number; customerId: number | null; amount: number };
}

export interface Bus {
  emit<K extends keyof BusEvents>(event: K, payload: BusEvents[K]): void;
  on<K extends keyof BusEvents>(event: K, listener: (payload: BusEvents[K]) => void): () => void;
}

export function createBus(onListenerError: (event: string, err: unknown) => void): Bus {
  const ee = new EventEmitter();
  ee.setMaxListeners(50);
  return {
    emit(event, payload) {
      for (const l of ee.listeners(event)) {
        // One failing listener must not stop the others or the emitter (e.g. a billing write).
        try {
          (l as (p: unknown) => void)(payload);
        } catch (err) {
          onListenerError(event, err);
        }
      }
    },
    on(event, listener) {
      ee.on(event, listener);
      return () => ee.off(event, listener);
    },
  };
}
