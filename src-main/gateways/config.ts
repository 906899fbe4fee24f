import type { SettingsStore } from '../deps';
import { AppError, invalidInput, isAppError } from '../errors';
import { GATEWAYS, type GatewayId } from '../../src-shared/payments';
import { SecretText, hasFlagName, type SettingsPatch } from '../../src-shared/settings';
import { GATEWAY_FIELDS, type GatewayConfigureInput, type GatewayView } from '../../src-shared/api/gateways';
import type { GatewayContext, GatewayMode, PaymentGateway } from './types';
import { defaultGatewayHosts } from '../routeros/walledGardenDefaults';

/**
 * A gateway's settings section (bkash, nagad, sslcommerz in src-shared/settings.ts) as the flow
 * and the admin API see it. Read on every call, so a change applies at once.
 */

/** bKash's docs ask for a 30 s HTTP timeout; the others are given the same. */
export const GATEWAY_HTTP_TIMEOUT_MS = 30_000;

interface SectionFields {
  enabled: boolean;
  mode: GatewayMode;
  baseUrl: string;
  [field: string]: unknown;
}

export function createGatewayConfig(deps: {
  settings: SettingsStore;
  modules: Partial<Record<GatewayId, PaymentGateway>>;
  fetch: typeof fetch;
  now: () => number;
}) {
  const { settings, modules } = deps;

  function section(g: GatewayId): SectionFields {
    return settings.get()[g] as unknown as SectionFields;
  }

  function enabled(g: GatewayId): boolean {
    return section(g).enabled;
  }

  /** Where the module calls its gateway, with the secrets unsealed (never logged). */
  function context(g: GatewayId): GatewayContext {
    const s = section(g);
    const credentials: Record<string, string> = {};
    for (const f of GATEWAY_FIELDS[g].plain) credentials[f] = String(s[f] ?? '');
    for (const f of GATEWAY_FIELDS[g].secret) {
      // The section's secret names are typed per section; the list above is the same names.
      const v = settings.secret(g, f as never);
      if (v !== null) credentials[f] = v;
    }
    return { mode: s.mode, baseUrl: s.baseUrl || null, credentials, fetch: deps.fetch, timeoutMs: GATEWAY_HTTP_TIMEOUT_MS, now: deps.now };
  }

  /** Walled-garden hosts: the module's own list when it is plugged in, else the defaults for the mode. */
  function hosts(g: GatewayId): string[] {
    const s = section(g);
    if (!s.enabled) return [];
    const ctx = { mode: s.mode, baseUrl: s.baseUrl || null };
    return modules[g]?.hosts(ctx) ?? defaultGatewayHosts(g, ctx);
  }

  function view(g: GatewayId): GatewayView {
    const s = section(g);
    const out: Record<string, unknown> = { gateway: g, enabled: s.enabled, mode: s.mode, baseUrl: s.baseUrl || null, walledGardenHosts: hosts(g) };
    for (const f of GATEWAY_FIELDS[g].plain) out[f] = s[f] ?? '';
    const flags = settings.view()[g] as unknown as Record<string, boolean>;
    for (const f of GATEWAY_FIELDS[g].secret) out[hasFlagName(f)] = flags[hasFlagName(f)] === true;
    return out as unknown as GatewayView;
  }

  function configure(input: GatewayConfigureInput): GatewayView {
    const g = input.gateway;
    const own = new Set<string>(['gateway', 'enabled', 'mode', 'baseUrl', ...GATEWAY_FIELDS[g].plain, ...GATEWAY_FIELDS[g].secret]);
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) {
      if (v === undefined || k === 'gateway') continue;
      if (!own.has(k)) throw invalidInput(k, `is not a ${g} setting (it belongs to another gateway)`);
      const isSecret = (GATEWAY_FIELDS[g].secret as readonly string[]).includes(k);
      // null clears: a secret is removed, a plain field (and the base URL) goes back to empty.
      patch[k] = v === null ? (isSecret ? null : '') : v instanceof SecretText ? v : v;
    }
    if (Object.keys(patch).length === 0) throw invalidInput('input', 'give at least one setting to change');
    try {
      settings.update({ [g]: patch } as SettingsPatch);
    } catch (e) {
      // The store names `bkash.appKey`; this method's field is `appKey`.
      if (isAppError(e) && e.code === 'invalid_input') {
        const field = String(e.detail?.field ?? '').replace(`${g}.`, '') || 'input';
        throw new AppError('invalid_input', e.message.replace(`${g}.`, ''), { field });
      }
      throw e;
    }
    return view(g);
  }

  return { enabled, context, hosts, view, configure, all: () => GATEWAYS.map(view), enabledIds: () => GATEWAYS.filter(enabled) };
}

export type GatewayConfig = ReturnType<typeof createGatewayConfig>;
