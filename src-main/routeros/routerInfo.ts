import type { RouterTestResult } from '../../src-shared/api/routers';
import { parseRosBool, print, printOne } from './rosValues';
import type { RosClient } from './types';

/** routers.test: who the router is and what our API user may do there. Reads only. */

export function policySet(policy: string | undefined): Set<string> {
  return new Set((policy ?? '').split(',').map((p) => p.trim()).filter((p) => p && !p.startsWith('!')));
}

export async function readRouterInfo(client: RosClient, apiUser: string): Promise<Omit<RouterTestResult, 'routerId'>> {
  const identity = (await printOne(client, '/system/identity')).name ?? '';
  const resource = await printOne(client, '/system/resource');
  const hotspots = await print(client, '/ip/hotspot');
  const user = (await print(client, '/user', [`?name=${apiUser}`]))[0];
  const group = user?.group ?? null;
  const policy = group ? policySet((await print(client, '/user/group', [`?name=${group}`]))[0]?.policy) : new Set<string>();
  return {
    identity,
    version: resource.version ?? '',
    board: resource['board-name'] ?? '',
    hotspotServers: hotspots.map((h) => ({
      name: h.name ?? '',
      interface: h.interface ?? '',
      profile: h.profile ?? '',
      disabled: parseRosBool(h.disabled) === true,
    })),
    apiUser,
    apiGroup: group,
    canWrite: policy.has('write'),
    canReadSecrets: policy.has('sensitive'),
  };
}
