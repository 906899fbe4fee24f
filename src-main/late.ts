/**
 * A value bound after construction, for two subsystems that call each other (RADIUS kicks through
 * the RouterOS API; RouterOS tells routers the ports RADIUS bound). Reading it before `bind()` is a
 * wiring bug, so it throws an error naming the value instead of handing out `undefined`.
 */
export interface Late<T> {
  get(): T;
  bind(value: T): void;
}

export function late<T>(name: string): Late<T> {
  let bound = false;
  let value: T | undefined;
  return {
    get() {
      if (!bound) throw new Error(`${name} was used before the engine bound it (a wiring bug in engine.ts)`);
      return value as T;
    },
    bind(v) {
      if (bound) throw new Error(`${name} is already bound`);
      bound = true;
      value = v;
    },
  };
}
