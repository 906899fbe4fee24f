import type { PlanChange, PlanStep } from '../../src-shared/api/routers';
import { rosVersionAtLeast, sameRosValue } from './rosValues';
import type { RosRow } from './types';

/**
 * The desired RouterOS state for hotspot-with-RADIUS and the diff against what the router has.
 * Pure: configure.ts reads the router into a snapshot, this decides, configure.ts applies.
 * Applying the actions and planning again yields only `ok` steps (configure is idempotent).
 */

/** Written into the comment of every router entry HotspotDesk owns. */
export const OWNER_TAG = 'hotspotdesk';
/** Name of the hotspot server profile we create when the router has no hotspot yet. */
export const OUR_PROFILE = 'hotspotdesk';
export const OUR_SERVER = 'hotspotdesk';
/** RADIUS timeout on the router: our server is on the LAN; 1.1 s leaves room for a busy PC. */
export const RADIUS_TIMEOUT = '1100ms';
/**
 * MAC authentication sends the MAC as User-Name and as User-Password, so the Access-Request
 * never carries an empty password (whose wire form is unverified, reference §U5).
 */
export const MAC_AUTH_MODE = 'mac-as-username-and-password';
export const RADIUS_MAC_FORMAT = 'XX:XX:XX:XX:XX:XX';
export const REQUIRED_LOGIN_BY = ['http-chap', 'http-pap', 'mac'];
const HIDDEN = '(hidden)';

export interface RouterSnapshot {
  version: string;
  radius: RosRow[];
  incoming: RosRow;
  hotspots: RosRow[];
  profiles: RosRow[];
  addresses: RosRow[];
  interfaces: RosRow[];
  files: RosRow[];
}

export interface DesiredInputs {
  hotspotInterface: string | null;
  coaPort: number;
  requireMessageAuthenticator: boolean;
  radiusSecret: string;
  /** null: no address known for this PC (plan blocks the RADIUS step). */
  serverAddress: string | null;
  radiusAuthPort: number;
  radiusAcctPort: number;
  /**
   * The pages the portal serves for routers (login.html first), each fetched into the hotspot
   * html directory; null: the portal is not running, nothing can be fetched yet.
   */
  routerPages: RouterPageWant[] | null;
}

export interface RouterPageWant {
  /** The file name in the html directory (`login.html`). */
  name: string;
  url: string;
  /** The page as the portal serves it now, to compare with the router's file; null: unreadable. */
  expectedBody: string | null;
}

export type RosAction =
  | { kind: 'add'; menu: string; props: Record<string, string> }
  | { kind: 'set'; menu: string; id: string | null; props: Record<string, string> }
  | { kind: 'fetch'; url: string; dstPath: string };

export interface PlannedStep extends PlanStep {
  actions: RosAction[];
}

const SECRET_KEYS = new Set(['secret']);

/** Properties of `want` that differ on `row`; `row` null means the entry is missing. */
function diffProps(row: RosRow | null, want: Record<string, string>, special: Record<string, (actual: string | undefined) => boolean> = {}) {
  const changes: PlanChange[] = [];
  const props: Record<string, string> = {};
  for (const [k, v] of Object.entries(want)) {
    const actual = row?.[k];
    const same = special[k] ? special[k](actual) : sameRosValue(k, actual, v);
    if (row && same) continue;
    props[k] = v;
    changes.push(
      SECRET_KEYS.has(k)
        ? { property: k, from: actual === undefined ? null : HIDDEN, to: HIDDEN }
        : { property: k, from: actual ?? null, to: v },
    );
  }
  return { changes, props };
}

function step(key: PlanStep['key'], title: string, changes: PlanChange[], actions: RosAction[], note?: string): PlannedStep {
  return { key, title, status: actions.length > 0 ? 'change' : 'ok', changes, actions, ...(note ? { note } : {}) };
}

function blocked(key: PlanStep['key'], title: string, note: string): PlannedStep {
  return { key, title, status: 'blocked', changes: [], actions: [], note };
}

function planRadius(s: RouterSnapshot, d: DesiredInputs): PlannedStep {
  const title = 'RADIUS server entry (/radius)';
  if (!d.serverAddress) return blocked('radius', title, 'No address of this PC is known: set "Server address" in Settings.');
  const ours =
    s.radius.find((r) => r.comment === OWNER_TAG) ??
    // Adopt an entry the owner made for us by hand instead of adding a duplicate.
    s.radius.find((r) => r.address === d.serverAddress && (r.service ?? '').split(',').includes('hotspot'));
  const want: Record<string, string> = {
    service: 'hotspot',
    address: d.serverAddress,
    secret: d.radiusSecret,
    'authentication-port': String(d.radiusAuthPort),
    'accounting-port': String(d.radiusAcctPort),
    timeout: RADIUS_TIMEOUT,
    disabled: 'no',
    comment: OWNER_TAG,
  };
  // require-message-auth exists from RouterOS 7.15 (BlastRADIUS hardening).
  if (rosVersionAtLeast(s.version, '7.15')) want['require-message-auth'] = d.requireMessageAuthenticator ? 'yes-for-request-resp' : 'no';
  const special = {
    // An adopted entry may also serve ppp/login: keep those, we only need hotspot in it.
    service: (a: string | undefined) => (a ?? '').split(',').includes('hotspot'),
  };
  const { changes, props } = diffProps(ours ?? null, want, special);
  let note: string | undefined;
  if (ours && ours.secret === undefined && 'secret' in props) {
    note = 'The API user cannot read RADIUS secrets (no "sensitive" policy), so the secret is set every time.';
  }
  const others = s.radius.filter((r) => r !== ours && (r.service ?? '').split(',').includes('hotspot') && r.disabled !== 'true');
  if (others.length > 0) {
    const list = others.map((r) => r.address).join(', ');
    note = `${note ? `${note} ` : ''}Other RADIUS servers for hotspot on this router (${list}) are asked too and may reject customers; disable them if they are old.`;
  }
  const actions: RosAction[] = Object.keys(props).length === 0 ? [] : ours ? [{ kind: 'set', menu: '/radius', id: ours['.id']!, props }] : [{ kind: 'add', menu: '/radius', props: want }];
  return step('radius', title, changes, actions, note);
}

function planIncoming(s: RouterSnapshot, d: DesiredInputs): PlannedStep {
  const { changes, props } = diffProps(s.incoming, { accept: 'yes', port: String(d.coaPort) });
  const actions: RosAction[] = Object.keys(props).length ? [{ kind: 'set', menu: '/radius/incoming', id: null, props }] : [];
  return step('radius-incoming', 'Accept Disconnect/CoA from HotspotDesk (/radius/incoming)', changes, actions);
}

interface HotspotChoice {
  server: RosRow | null;
  profile: RosRow | null;
  /** Set when we would create the hotspot on this interface. */
  createOn: string | null;
  problem: string | null;
}

export function chooseHotspot(s: RouterSnapshot, hotspotInterface: string | null): HotspotChoice {
  const server = hotspotInterface
    ? s.hotspots.find((h) => h.interface === hotspotInterface) ?? null
    : s.hotspots.length === 1
      ? s.hotspots[0]!
      : null;
  if (server) return { server, profile: s.profiles.find((p) => p.name === (server.profile ?? 'default')) ?? null, createOn: null, problem: null };
  if (!hotspotInterface) {
    return {
      server: null,
      profile: null,
      createOn: null,
      problem:
        s.hotspots.length > 1
          ? `The router has ${s.hotspots.length} hotspot servers: choose the hotspot interface in the router settings.`
          : 'The router has no hotspot server: choose the hotspot interface in the router settings (or run IP > Hotspot > Hotspot Setup).',
    };
  }
  if (!s.interfaces.some((i) => i.name === hotspotInterface)) {
    return { server: null, profile: null, createOn: null, problem: `The router has no interface named "${hotspotInterface}".` };
  }
  return { server: null, profile: s.profiles.find((p) => p.name === OUR_PROFILE) ?? null, createOn: hotspotInterface, problem: null };
}

function wantedProfile(current: RosRow | null): Record<string, string> {
  const loginBy = new Set((current?.['login-by'] ?? 'cookie').split(',').filter(Boolean));
  for (const m of REQUIRED_LOGIN_BY) loginBy.add(m);
  return {
    'use-radius': 'yes',
    'login-by': [...loginBy].join(','),
    'mac-auth-mode': MAC_AUTH_MODE,
    'radius-accounting': 'yes',
    'radius-interim-update': 'received',
    'radius-mac-format': RADIUS_MAC_FORMAT,
    'html-directory': htmlDirectory(current),
  };
}

/** Keep the owner's html-directory (v6.32+ paths such as flash/hotspot); default `hotspot`. */
export function htmlDirectory(profile: RosRow | null): string {
  const dir = profile?.['html-directory']?.trim();
  return dir ? dir : 'hotspot';
}

function planHotspot(s: RouterSnapshot, d: DesiredInputs): { profile: PlannedStep; server: PlannedStep; htmlDir: string | null } {
  const pTitle = 'Hotspot server profile: RADIUS login';
  const sTitle = 'Hotspot server';
  const choice = chooseHotspot(s, d.hotspotInterface);
  if (choice.problem) return { profile: blocked('hotspot-profile', pTitle, choice.problem), server: blocked('hotspot-server', sTitle, choice.problem), htmlDir: null };

  const want = wantedProfile(choice.profile);
  let profileStep: PlannedStep;
  if (choice.profile) {
    const { changes, props } = diffProps(choice.profile, want);
    profileStep = step('hotspot-profile', `${pTitle} (${choice.profile.name})`, changes, Object.keys(props).length ? [{ kind: 'set', menu: '/ip/hotspot/profile', id: choice.profile['.id']!, props }] : []);
  } else {
    const props: Record<string, string> = { name: OUR_PROFILE, ...want };
    const ifaceAddress = s.addresses.find((a) => a.interface === choice.createOn && a.disabled !== 'true')?.address?.split('/')[0];
    if (ifaceAddress) props['hotspot-address'] = ifaceAddress;
    profileStep = step('hotspot-profile', `${pTitle} (${OUR_PROFILE}, new)`, diffProps(null, props).changes, [{ kind: 'add', menu: '/ip/hotspot/profile', props }]);
  }

  let serverStep: PlannedStep;
  if (choice.server) {
    const { changes, props } = diffProps(choice.server, { disabled: 'no' });
    serverStep = step('hotspot-server', `${sTitle} ${choice.server.name} on ${choice.server.interface}`, changes, Object.keys(props).length ? [{ kind: 'set', menu: '/ip/hotspot', id: choice.server['.id']!, props }] : []);
  } else {
    const props = { name: OUR_SERVER, interface: choice.createOn!, profile: OUR_PROFILE, disabled: 'no' };
    serverStep = step(
      'hotspot-server',
      `${sTitle} on ${choice.createOn} (new)`,
      diffProps(null, props).changes,
      [{ kind: 'add', menu: '/ip/hotspot', props }],
      'A new hotspot server needs an IP address, an address pool and a DHCP server on that interface; HotspotDesk does not create those.',
    );
  }
  return { profile: profileStep, server: serverStep, htmlDir: want['html-directory']! };
}

function planRouterPages(s: RouterSnapshot, d: DesiredInputs, htmlDir: string | null): PlannedStep {
  const title = 'HotspotDesk pages on the router (/tool/fetch)';
  if (!d.routerPages) return blocked('login-page', title, 'portal not running: the login page is fetched from the captive portal once it runs.');
  if (htmlDir === null) return blocked('login-page', title, 'Needs the hotspot server above.');
  const changes: PlanChange[] = [];
  const actions: RosAction[] = [];
  const unreadable: string[] = [];
  for (const page of d.routerPages) {
    const dstPath = `${htmlDir}/${page.name}`;
    const file = s.files.find((f) => f.name === dstPath);
    const expected = page.expectedBody;
    if (file && expected !== null) {
      // The API shows contents only for small files; else the size is the best evidence we have.
      const same = file.contents !== undefined ? file.contents === expected : Number(file.size) === Buffer.byteLength(expected, 'latin1');
      if (same) continue;
    }
    if (expected === null) unreadable.push(page.name);
    changes.push({ property: dstPath, from: file ? 'other page' : null, to: page.url });
    actions.push({ kind: 'fetch', url: page.url, dstPath });
  }
  const note = unreadable.length ? `HotspotDesk could not read ${unreadable.join(', ')} itself to compare, so it is fetched again.` : undefined;
  return step('login-page', title, changes, actions, note);
}

export function planConfiguration(s: RouterSnapshot, d: DesiredInputs): PlannedStep[] {
  const hotspot = planHotspot(s, d);
  // Order matters when applying: the profile must exist before a server refers to it.
  return [planRadius(s, d), planIncoming(s, d), hotspot.profile, hotspot.server, planRouterPages(s, d, hotspot.htmlDir)];
}

/** Strip the actions (they hold the RADIUS secret) before the plan leaves the engine. */
export function publicStep(p: PlannedStep): PlanStep {
  const { actions: _actions, ...rest } = p;
  return rest;
}
