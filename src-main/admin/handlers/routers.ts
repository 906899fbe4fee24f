import type { routersApi } from '../../../src-shared/api/routers';
import type { RouterStore } from '../../routers';
import type { RouterOs } from '../../routeros';
import type { AreaHandlers } from './types';
import type { Jobs } from '../../jobs';

/** The router records (router store) and RouterOS sync (routeros subsystem). */
export function routersHandlers({ routers, routeros: ros, jobs }: { routers: RouterStore; routeros: RouterOs; jobs: Jobs }) {
  return {
    'routers.list': () => routers.list(),
    'routers.create': (i) => routers.create(i),
    'routers.update': ({ id, ...patch }) => routers.update(id, patch),
    'routers.remove': ({ id }) => {
      routers.remove(id);
      return { removed: true as const };
    },

    'routers.acceptCertificate': ({ id }) => routers.acceptCertificate(id),

    'routers.test': ({ id }) => ros.test(id),
    'routers.plan': ({ id }) => ros.plan(id),
    'routers.configure': ({ id, jobId }) => jobs.run(jobId, 'routers.configure', (onProgress) => ros.configure(id, onProgress)),
    'routers.walledGarden': ({ id }) => ros.walledGarden(id),
    'routers.pushWalledGarden': ({ id, jobId }) => jobs.run(jobId, 'routers.pushWalledGarden', (onProgress) => ros.pushWalledGarden(id, onProgress)),
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
  } satisfies AreaHandlers<typeof routersApi>;
}
