import { radiusWorld } from './radius';
import { VirtualHotspot, type VirtualHotspotOptions } from '../virtual-mikrotik/hotspot-http';
import { afterEach } from 'vitest';

const fronts: VirtualHotspot[] = [];
afterEach(async () => {
  for (const f of fronts.splice(0)) await f.stop();
});

export const GiB = 2 ** 30;

/**
 * A started engine serving its real portal (port 0), a virtual NAS registered as a router and the
 * virtual hotspot's HTTP front in front of the portal (MAC login on), plus helpers to make
 * packages and cards and read the OTP the outbox holds.
 */
export async function portalWorld(front: Partial<VirtualHotspotOptions> = {}) {
  const w = await radiusWorld();
  const portalUrl = w.engine.portal!.url()!.replace(/\/$/, '');
  const hotspot = new VirtualHotspot({ portalUrl, routerId: w.routerId, nas: w.nas, loginBy: ['http-chap', 'http-pap', 'mac'], ...front });
  await hotspot.start();
  fronts.push(hotspot);

  async function pkg(over: Record<string, unknown> = {}) {
    return w.ok('packages.create', { name: `Day ${Math.random().toString(36).slice(2, 6)}`, price: 2000, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000, ...over });
  }
  async function cards(packageId: number, count = 3) {
    return (await w.ok('vouchers.generate', { packageId, count })) as { batchId: number; codes: string[] };
  }
  /** The newest code texted to a number (E.164), from the outbox. */
  function lastOtp(e164: string): string {
    const item = w.engine.sms.outbox({ limit: 50 }).items.find((i) => i.phone === e164);
    const code = item && /\b(\d{6})\b/.exec(item.text)?.[1];
    if (!code) throw new Error(`no code texted to ${e164}`);
    return code;
  }
  const outboxFor = (e164: string) => w.engine.sms.outbox({ limit: 100 }).items.filter((i) => i.phone === e164);
  return { ...w, portalUrl, hotspot, pkg, cards, lastOtp, outboxFor };
}
