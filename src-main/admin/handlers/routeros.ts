import type { Handler, Handlers } from '../index';
import type { RouterOsMethod } from '../../../src-shared/api/routers';
import type { RouterOs } from '../../routeros';

/** Handlers for the RouterOS sync methods (src-shared/api/routers.ts). */
export function routerOsHandlers(ros: RouterOs) {
  const h = {
    'routers.test': ({ id }) => ros.test(id),
    'routers.plan': ({ id }) => ros.plan(id),
    'routers.configure': ({ id }) => ros.configure(id),
    'routers.walledGarden': ({ id }) => ros.walledGarden(id),
    'routers.pushWalledGarden': ({ id }) => ros.pushWalledGarden(id),
    'routers.addWalledGardenEntry': ({ routerId, host, https, comment }) =>
      ros.addWalledGardenEntry({
        routerId: routerId ?? null,
        host: host.host,
        // An explicit flag wins; else the pasted URL's scheme; else HTTPS (most callback hosts are).
        https: https ?? (host.scheme ? host.scheme === 'https' : true),
        comment: comment || null,
      }),
    'routers.removeWalledGardenEntry': ({ entryId }) => {
      ros.removeWalledGardenEntry(entryId);
      return { removed: true as const };
    },
    'routers.activeSessions': ({ id }) => ros.activeSessions(id),
    'routers.kick': ({ id, sessionId }) => ros.kick(id, sessionId.toUpperCase()),
    'routers.diagnose': ({ id }) => ros.diagnose(id),
  } satisfies { [M in RouterOsMethod]: Handler<M> };
  return h as Pick<Handlers, keyof typeof h>;
}
