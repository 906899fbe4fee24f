import type { sessionsApi } from '../../../src-shared/api/sessions';
import type { RadiusServer } from '../../radius';
import { notFound } from '../../errors';
import type { AreaHandlers } from './types';

export function sessionsHandlers({ radius }: { radius: RadiusServer }) {
  return {
    'sessions.list': (i) => radius.listSessions(i),
    'sessions.kick': async ({ id }) => {
      if (!radius.sessionExists(id)) throw notFound(`session ${id}`);
      return radius.kick(id);
    },
  } satisfies AreaHandlers<typeof sessionsApi>;
}
