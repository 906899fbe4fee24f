import type { Handler, Handlers } from '../index';
import type { RadiusServer } from '../../radius';
import { notFound } from '../../errors';

/** Handlers for the RADIUS methods (src-shared/api/radius.ts). */
export function radiusHandlers(radius: RadiusServer) {
  const h = {
    'sessions.list': (i) => radius.listSessions(i),
    'sessions.kick': async ({ id }) => {
      if (!radius.sessionExists(id)) throw notFound(`session ${id}`);
      return radius.kick(id);
    },
    'authLog.list': (i) => radius.listAuthLog(i),
    'radius.status': () => radius.status(),
  } satisfies { [M in 'sessions.list' | 'sessions.kick' | 'authLog.list' | 'radius.status']: Handler<M> };
  return h as Pick<Handlers, keyof typeof h>;
}
