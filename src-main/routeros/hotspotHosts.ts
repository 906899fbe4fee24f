import { chooseHotspot, type RouterSnapshot } from './configurePlan';

/**
 * The hotspot's own address and DNS name as the router has them (/ip/hotspot/profile
 * `hotspot-address`, `dns-name`): the hosts a phone's link-login-only may point at, so the portal
 * sends hotspot passwords only there (issue #13, "The doors"). Read from the snapshot set-up, plan
 * and diagnose already take; null when the router's hotspot cannot be told (several servers and
 * no interface chosen, none yet), so what was read before is kept.
 */
export interface HotspotHosts {
  dnsName: string | null;
  address: string | null;
}

export function hotspotHostsOf(snapshot: RouterSnapshot, hotspotInterface: string | null): HotspotHosts | null {
  const choice = chooseHotspot(snapshot, hotspotInterface);
  if (!choice.server || !choice.profile) return null;
  const clean = (v: string | undefined): string | null => {
    const t = (v ?? '').trim();
    return t === '' ? null : t;
  };
  // hotspot-address may carry a prefix length on some versions ("10.5.50.1/24").
  const address = clean(choice.profile['hotspot-address'])?.replace(/\/\d+$/, '') ?? null;
  return { dnsName: clean(choice.profile['dns-name'])?.toLowerCase() ?? null, address };
}
