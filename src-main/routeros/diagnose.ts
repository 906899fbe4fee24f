import type { DiagnoseCheck, DiagnoseFixAction, WalledGardenEntry } from '../../src-shared/api/routers';
import { isAppError } from '../errors';
import { chooseHotspot, type RouterSnapshot } from './configurePlan';
import { readSnapshot } from './configure';
import { isNoSuchMenu, parseRosBool, print, printOne } from './rosValues';
import type { RosClient, RosRow } from './types';
import { diffWalledGarden, readWalledGarden } from './walledGarden';

/**
 * routers.diagnose: the troubleshooting list, run automatically. Each check passes or fails
 * with a fix the owner can follow; a check that cannot run says why ("unknown") instead of
 * hiding the others.
 */

export interface DiagnoseInputs {
  hotspotInterface: string | null;
  coaPort: number;
  radiusSecret: string;
  serverAddress: string | null;
  desiredWalledGarden: WalledGardenEntry[];
  /** Sees the snapshot the checks read (the hotspot's address and DNS name are kept from it). */
  onSnapshot?: (snapshot: RouterSnapshot) => void;
}

export interface WifiSsid {
  routerName: string;
  iface: string;
  ssid: string;
}

export interface ZoneInputs {
  zoneName: string;
  /** The SSID the owner set for the zone, if any. */
  zoneSsid: string | null;
  /** Every router of the zone (this one included): their SSIDs, or why they could not be read. */
  routers: { routerName: string; routerId?: number; ssids: WifiSsid[] | null; error?: string }[];
}

const pass = (key: string, title: string, detail: string): DiagnoseCheck => ({ key, title, status: 'pass', detail });
/** `action`: the button the UI offers beside the fix, when HotspotDesk can do it itself. */
const fail = (key: string, title: string, detail: string, fix: string, action?: DiagnoseFixAction): DiagnoseCheck => ({
  key,
  title,
  status: 'fail',
  detail,
  fix,
  ...(action ? { fixAction: action } : {}),
});
const unknown = (key: string, title: string, detail: string): DiagnoseCheck => ({ key, title, status: 'unknown', detail });

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs one check; an exception becomes "unknown" rather than failing the whole diagnosis. */
async function guarded(key: string, title: string, fn: () => Promise<DiagnoseCheck>): Promise<DiagnoseCheck> {
  try {
    return await fn();
  } catch (e) {
    return unknown(key, title, `Could not check: ${errText(e)}`);
  }
}

/** SSIDs broadcast by the router: legacy `/interface/wireless` and the v7 `/interface/wifi` (and its pre-rename `wifiwave2`). */
export async function readSsids(client: RosClient, routerName: string): Promise<WifiSsid[]> {
  const out: WifiSsid[] = [];
  for (const [menu, keys] of [
    ['/interface/wireless', ['ssid']],
    ['/interface/wifi', ['configuration.ssid', 'ssid']],
    ['/interface/wifiwave2', ['configuration.ssid', 'ssid']],
  ] as const) {
    let rows: RosRow[];
    try {
      rows = await print(client, menu);
    } catch (e) {
      if (isAppError(e) && e.code === 'ROUTER_TRAP' && isNoSuchMenu(e)) continue; // package not installed / other driver
      throw e;
    }
    for (const r of rows) {
      if (parseRosBool(r.disabled) === true) continue;
      const ssid = keys.map((k) => r[k]).find((v) => v !== undefined && v !== '');
      if (ssid !== undefined) out.push({ routerName, iface: r.name ?? r['.id'] ?? '?', ssid });
    }
  }
  return out;
}

/** The SSID a zone's access points must broadcast: the zone's setting, else the one most of them do. */
export function zoneExpectedSsid(zone: ZoneInputs): string | null {
  const counts = new Map<string, number>();
  for (const s of zone.routers.flatMap((r) => r.ssids ?? [])) counts.set(s.ssid, (counts.get(s.ssid) ?? 0) + 1);
  return zone.zoneSsid ?? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * One router's SSID mismatch in plain words (what the dashboard keeps per router), or null when
 * every WiFi interface it has broadcasts `expected`. Diagnose and the status poll both use it.
 */
export function ssidProblem(ssids: WifiSsid[], expected: string): string | null {
  const wrong = ssids.filter((s) => s.ssid !== expected);
  if (wrong.length === 0) return null;
  return `${wrong.map((s) => `interface ${s.iface} broadcasts "${s.ssid}"`).join('; ')} instead of "${expected}"`;
}

export function checkZoneSsids(zone: ZoneInputs): DiagnoseCheck {
  const key = 'zone-ssid';
  const title = `Same SSID on every access point of zone "${zone.zoneName}"`;
  const all = zone.routers.flatMap((r) => r.ssids ?? []);
  const expected = zoneExpectedSsid(zone);
  const unreadable = zone.routers.filter((r) => r.ssids === null);
  if (expected === null) {
    return unreadable.length ? unknown(key, title, `Could not read the WiFi interfaces: ${unreadable.map((r) => `${r.routerName} (${r.error})`).join('; ')}`) : pass(key, title, 'No WiFi interfaces found in this zone.');
  }
  const wrong = all.filter((s) => s.ssid !== expected);
  if (wrong.length > 0) {
    const list = wrong.map((s) => `router "${s.routerName}" interface ${s.iface} broadcasts "${s.ssid}"`).join('; ');
    return fail(
      key,
      title,
      `Expected "${expected}": ${list}. Phones moving between access points will not be recognised by their MAC and must log in again.`,
      `Set the SSID of ${wrong.map((s) => `${s.routerName}/${s.iface}`).join(', ')} to "${expected}" (Wireless or WiFi > Interfaces).`,
    );
  }
  if (unreadable.length > 0) {
    return unknown(key, title, `The SSIDs read match "${expected}", but ${unreadable.map((r) => `${r.routerName} (${r.error})`).join('; ')} could not be checked.`);
  }
  return pass(key, title, `Every WiFi interface broadcasts "${expected}".`);
}

function pingReceived(rows: RosRow[]): number {
  // RouterOS reports a running `received` counter on every row; without it, count answered probes.
  const counters = rows.map((r) => Number(r.received)).filter((n) => Number.isFinite(n));
  if (counters.length > 0) return Math.max(...counters);
  return rows.filter((r) => r.time !== undefined && r.status === undefined).length;
}

export async function runRouterChecks(client: RosClient, d: DiagnoseInputs): Promise<DiagnoseCheck[]> {
  const checks: DiagnoseCheck[] = [];
  const snapshot = await readSnapshot(client, d.hotspotInterface);
  d.onSnapshot?.(snapshot);
  const choice = chooseHotspot(snapshot, d.hotspotInterface);

  {
    const title = d.hotspotInterface ? `Hotspot server enabled on ${d.hotspotInterface}` : 'Hotspot server enabled';
    if (!choice.server) checks.push(fail('hotspot-server', title, choice.problem ?? `No hotspot server on ${d.hotspotInterface}.`, d.hotspotInterface ? 'Run Configure, or IP > Hotspot > Hotspot Setup on that interface.' : 'Choose the hotspot interface in the router settings.', d.hotspotInterface ? 'configure' : undefined));
    else if (parseRosBool(choice.server.disabled) === true) checks.push(fail('hotspot-server', title, `Hotspot server ${choice.server.name} is disabled.`, 'Run Configure, or enable it under IP > Hotspot > Servers.', 'configure'));
    else checks.push(pass('hotspot-server', title, `Hotspot server ${choice.server.name} runs on ${choice.server.interface}.`));
  }
  {
    const title = 'Hotspot profile logs customers in through RADIUS';
    const p = choice.server ? choice.profile : null;
    if (!p) checks.push(unknown('hotspot-radius', title, 'No hotspot server profile to check.'));
    else if (parseRosBool(p['use-radius']) !== true) checks.push(fail('hotspot-radius', title, `Profile ${p.name} has use-radius=no: the router checks its own user list, not HotspotDesk.`, 'Run Configure.', 'configure'));
    else checks.push(pass('hotspot-radius', title, `Profile ${p.name} uses RADIUS (login by ${p['login-by'] ?? '?'}).`));
  }
  {
    const title = 'RADIUS entry points to HotspotDesk with the right secret';
    if (!d.serverAddress) checks.push(unknown('radius-entry', title, 'This PC has no known address; set "Server address" in Settings.'));
    else {
      const entries = snapshot.radius.filter((r) => (r.service ?? '').split(',').includes('hotspot') && parseRosBool(r.disabled) !== true);
      const ours = entries.find((r) => r.address === d.serverAddress);
      if (!ours) {
        const other = entries.map((r) => r.address).join(', ');
        checks.push(fail('radius-entry', title, other ? `The hotspot asks ${other}, not ${d.serverAddress}.` : 'The router has no RADIUS server for hotspot.', 'Run Configure.', 'configure'));
      } else if (ours.secret === undefined) {
        checks.push(pass('radius-entry', title, `Entry for ${d.serverAddress} found; its secret cannot be read by this API user (no "sensitive" policy).`));
      } else if (ours.secret !== d.radiusSecret) {
        checks.push(fail('radius-entry', title, `The entry for ${d.serverAddress} has a different secret: every login will be rejected.`, 'Run Configure (it sets the secret saved in HotspotDesk).', 'configure'));
      } else checks.push(pass('radius-entry', title, `Entry for ${d.serverAddress} with the right secret.`));
    }
  }
  {
    const title = 'Router accepts Disconnect/CoA from HotspotDesk';
    const inc = snapshot.incoming;
    if (parseRosBool(inc.accept) !== true) checks.push(fail('radius-incoming', title, 'RADIUS incoming is off: customers stay online after their package ends.', 'Run Configure (sets /radius incoming accept=yes).', 'configure'));
    else if (inc.port !== String(d.coaPort)) checks.push(fail('radius-incoming', title, `The router listens on port ${inc.port ?? '?'}, HotspotDesk sends to ${d.coaPort}.`, 'Run Configure, or change the CoA port in the router settings.', 'configure'));
    else checks.push(pass('radius-incoming', title, `Accepting on port ${d.coaPort}.`));
  }
  checks.push(
    await guarded('radius-reachable', 'Router can reach HotspotDesk', async () => {
      const title = 'Router can reach HotspotDesk';
      if (!d.serverAddress) return unknown('radius-reachable', title, 'This PC has no known address; set "Server address" in Settings.');
      const rows = await client.exec('/ping', { address: d.serverAddress, count: 3 }, { timeoutMs: 10_000 });
      const received = pingReceived(rows);
      return received > 0
        ? pass('radius-reachable', title, `${received} of 3 pings to ${d.serverAddress} answered.`)
        : fail('radius-reachable', title, `No answer to ping from the router to ${d.serverAddress}.`, 'Check the cable/WiFi link and the router\'s address and route to this PC, and that this PC\'s firewall allows ping and UDP 1812/1813 from the router.');
    }),
  );
  checks.push(
    await guarded('walled-garden', 'Walled garden in sync', async () => {
      const title = 'Walled garden in sync';
      const diff = diffWalledGarden(d.desiredWalledGarden, await readWalledGarden(client));
      if (diff.missing.length === 0 && diff.stale.length === 0) return pass('walled-garden', title, `${diff.unchanged} HotspotDesk entries present.`);
      const parts = [
        diff.missing.length ? `missing: ${diff.missing.map((e) => e.host).join(', ')}` : '',
        diff.stale.length ? `stale: ${diff.stale.map((s) => s.row['dst-host'] ?? s.row['dst-address'] ?? '?').join(', ')}` : '',
      ].filter(Boolean);
      return fail('walled-garden', title, `${parts.join('; ')}. Customers may not reach the portal or the payment pages before paying.`, 'Push the walled garden.', 'pushWalledGarden');
    }),
  );
  checks.push(
    await guarded('device-mode', 'RouterOS device-mode allows hotspot', async () => {
      const title = 'RouterOS device-mode allows hotspot';
      let mode: RosRow;
      try {
        mode = await printOne(client, '/system/device-mode');
      } catch (e) {
        if (isAppError(e) && e.code === 'ROUTER_TRAP' && isNoSuchMenu(e)) return pass('device-mode', title, 'This RouterOS version has no device-mode.');
        throw e;
      }
      if (mode.hotspot === undefined || parseRosBool(mode.hotspot) !== false) return pass('device-mode', title, `Device-mode ${mode.mode ?? ''} allows hotspot.`.replace('  ', ' '));
      return fail(
        'device-mode',
        title,
        `Device-mode ${mode.mode ?? ''} has hotspot disabled: the hotspot will not run.`.replace('  ', ' '),
        'In the router terminal run /system/device-mode/update hotspot=yes, then confirm by pressing the reset button or power-cycling the router within 5 minutes.',
      );
    }),
  );
  return checks;
}
