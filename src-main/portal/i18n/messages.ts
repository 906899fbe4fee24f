import type { en } from './en';

export type Lang = 'en' | 'bn';
export const LANGS: readonly Lang[] = ['en', 'bn'];

/**
 * The catalogue's type, derived from the English one: plain strings stay strings (any text), and
 * functions keep their parameters. `const bn: Messages` then fails to compile when a key is
 * missing, extra, or takes different arguments.
 */
export type Messages = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
