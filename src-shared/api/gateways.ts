import { z } from 'zod';
import { command, query } from './def';
import { GATEWAYS, type GatewayId } from '../payments';
import { secretInput, settingsSecretFields } from '../settings';

/**
 * Online payment gateways (issue 10): each one's mode, address and credentials, stored in its
 * settings section (bkash, nagad, sslcommerz). The secret credentials are write-only: `get`
 * answers `has<Field>` for them, never the value. `configure` takes only what changes: an
 * omitted field keeps its value, `null` clears it. Fields of another gateway are refused
 * (invalid_input naming the field), so a typo never lands in the wrong section.
 */

/** Which credential fields each gateway has (non-secret first, then secret). */
export const GATEWAY_FIELDS = {
  bkash: { plain: ['appKey', 'username'], secret: ['appSecret', 'password'] },
  nagad: { plain: ['merchantId', 'merchantNumber', 'gatewayPublicKey'], secret: ['merchantPrivateKey'] },
  sslcommerz: { plain: ['storeId'], secret: ['storePassword'] },
} as const satisfies Record<GatewayId, { plain: readonly string[]; secret: readonly string[] }>;

export type GatewayMode = 'sandbox' | 'live';

interface GatewayViewBase {
  enabled: boolean;
  mode: GatewayMode;
  /** null: the mode's own address. */
  baseUrl: string | null;
  /** Hosts it puts in the walled garden now (none while it is off). */
  walledGardenHosts: string[];
}
export type BkashView = GatewayViewBase & { gateway: 'bkash'; appKey: string; username: string; hasAppSecret: boolean; hasPassword: boolean };
export type NagadView = GatewayViewBase & {
  gateway: 'nagad'; merchantId: string; merchantNumber: string; gatewayPublicKey: string; hasMerchantPrivateKey: boolean;
};
export type SslcommerzView = GatewayViewBase & { gateway: 'sslcommerz'; storeId: string; hasStorePassword: boolean };
export type GatewayView = BkashView | NagadView | SslcommerzView;

export interface GatewayTestResult {
  gateway: GatewayId;
  ok: boolean;
  message: string;
}

const plainField = (max: number) => z.string({ error: 'must be text (or null to clear it)' }).trim().max(max, `must be at most ${max} characters`).nullable().optional();
const gatewayEnum = z.enum(GATEWAYS, { error: `must be one of: ${GATEWAYS.join(', ')}` });

/**
 * One flat shape for the three gateways (the audit log's redaction walks one set of paths);
 * the handler refuses a field that is not the named gateway's.
 */
export const gatewayConfigureSchema = z.strictObject({
  gateway: gatewayEnum,
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
  mode: z.enum(['sandbox', 'live'], { error: 'must be sandbox or live' }).optional(),
  baseUrl: plainField(300),
  appKey: plainField(200),
  username: plainField(100),
  appSecret: secretInput(settingsSecretFields.bkash.appSecret).optional(),
  password: secretInput(settingsSecretFields.bkash.password).optional(),
  merchantId: plainField(50),
  merchantNumber: plainField(20),
  gatewayPublicKey: plainField(8000),
  merchantPrivateKey: secretInput(settingsSecretFields.nagad.merchantPrivateKey).optional(),
  storeId: plainField(100),
  storePassword: secretInput(settingsSecretFields.sslcommerz.storePassword).optional(),
});
export type GatewayConfigureInput = z.output<typeof gatewayConfigureSchema>;

export const gatewaysApi = {
  /** Every gateway (`{}`), or one (`{ gateway }`): always a list, in GATEWAYS order. */
  'gateways.get': query<GatewayView[]>()(z.strictObject({ gateway: gatewayEnum.optional() })),
  'gateways.configure': command<GatewayView>()(gatewayConfigureSchema, {
    secret: ['appSecret', 'password', 'merchantPrivateKey', 'storePassword'],
  }),
  /** Settings → Payments "Test": a token grant / session against the configured address. */
  'gateways.test': command<GatewayTestResult>()(z.strictObject({ gateway: gatewayEnum })),
};

export type GatewaysMethod = keyof typeof gatewaysApi;
