import type { ApiReply, Input, Method, Output } from '../../src-shared/api';

/** Whatever answers admin API calls: an engine's `call`, or the HTTP bridge (httpCall). */
export type ApiCall = (method: string, input: unknown) => Promise<ApiReply<unknown>>;

/** A method's input argument: optional when the method takes an empty object. */
export type InputArg<M extends Method> = Record<never, never> extends Input<M> ? [input?: Input<M>] : [input: Input<M>];

/** A bound `ok`: `(method, input) => value`, typed by the contract (src-shared/api). */
export type Ok = <M extends Method>(method: M, ...input: InputArg<M>) => Promise<Output<M>>;

/**
 * Calls `method` and returns its value, typed from the contract; an error reply throws with its
 * code and message, so it fails the test. Tests that expect a refusal call `call` themselves.
 */
export async function ok<M extends Method>(call: ApiCall, method: M, ...input: InputArg<M>): Promise<Output<M>> {
  const r = await call(method, input[0] ?? {});
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value as Output<M>;
}

/** `ok` bound to one engine or server. */
export function okFor(call: ApiCall): Ok {
  return (method, ...input) => ok(call, method, ...input);
}

/** The headless HTTP bridge as an ApiCall: `POST <origin>/api/<method>` with the bearer token. */
export function httpCall(origin: string, token: string): ApiCall {
  const base = origin.replace(/\/$/, '');
  return async (method, input) => {
    const res = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return (await res.json()) as ApiReply<unknown>;
  };
}
