import type { zonesApi } from '../../../src-shared/api/zones';
import type { RouterStore } from '../../routers';
import type { AreaHandlers } from './types';

export function zonesHandlers({ routers }: { routers: RouterStore }) {
  return {
    'zones.list': () => routers.zones.list(),
    'zones.create': (i) => routers.zones.create(i.name, i.ssid ?? null),
  } satisfies AreaHandlers<typeof zonesApi>;
}
