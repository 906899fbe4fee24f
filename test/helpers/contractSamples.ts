import { z } from 'zod';
import type { Input, Method } from '../../src-shared/api';

/**
 * A valid input for every method that declares secret fields, with each secret set to a value
 * that appears nowhere else, so a test can look for it in the audit log and in log lines.
 * contract.test.ts fails when a method declares a secret and has no sample here.
 */
export const secretSamples: { [M in Method]?: Input<M> } = {
  'customers.create': { phone: '01712345678', pin: '4821' },
  'customers.update': { id: 1, pin: '9360' },
  'routers.create': { name: 'r1', nasIp: '10.0.0.1', secret: 'radius-s3cret-value', apiPassword: 'api-pw-value' },
  'routers.update': { id: 1, secret: 'radius-s3cret-two', apiPassword: 'api-pw-two' },
  'vouchers.redeem': { code: 'CARD7K2M9Q', phone: '01712345678' },
  'auth.setup': { password: 'owner-pass-marker' },
  'auth.login': { name: 'Rina', password: 'login-pass-marker' },
  'auth.changePassword': { current: 'current-pass-marker', next: 'next-pass-marker' },
  'users.create': { name: 'Rina', role: 'cashier', password: 'staff-pass-marker' },
  'vouchers.disable': { code: 'CARD4X8W3N' },
  'vouchers.assign': { codes: ['CARD9T6R2P'], distributorId: 1 },
  'settings.update': {
    sms: { apiKey: 'sms-key-marker' },
    bkash: { appSecret: 'bkash-secret-marker', password: 'bkash-pw-marker' },
    nagad: { merchantPrivateKey: 'nagad-private-marker' },
    sslcommerz: { storePassword: 'ssl-pw-marker' },
    sendMoney: { smsWebhookToken: 'webhook-token-marker' },
  },
  // One flat shape for the three gateways, so one sample carries every secret (the handler,
  // not the schema, refuses another gateway's fields).
  'gateways.configure': {
    gateway: 'bkash',
    appSecret: 'gw-bkash-secret-marker',
    password: 'gw-bkash-pw-marker',
    merchantPrivateKey: 'gw-nagad-private-marker',
    storePassword: 'gw-ssl-pw-marker',
  },
};

/** The value at a dotted path (arrays walked through): every value it reaches. */
export function valuesAt(value: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split('.');
  if (Array.isArray(value)) return value.flatMap((e: unknown) => valuesAt(e, path));
  if (value === null || typeof value !== 'object' || head === undefined || !(head in value)) return [];
  const v = (value as Record<string, unknown>)[head];
  return rest.length ? valuesAt(v, rest.join('.')) : [v];
}

/**
 * Every field path of a zod input schema ('sms.apiKey'; arrays and union members walked through).
 * Throws on a schema kind it does not know, so a new wrapper can never hide fields from the
 * secret-name check.
 */
export function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) => {
      const p = prefix ? `${prefix}.${k}` : k;
      return [p, ...fieldPaths(v, p)];
    });
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodReadonly || schema instanceof z.ZodCatch) {
    return fieldPaths(schema.def.innerType as z.ZodType, prefix);
  }
  if (schema instanceof z.ZodArray) return fieldPaths(schema.element as z.ZodType, prefix);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((o) => fieldPaths(o, prefix));
  if (schema instanceof z.ZodIntersection) return [...fieldPaths(schema.def.left as z.ZodType, prefix), ...fieldPaths(schema.def.right as z.ZodType, prefix)];
  if (schema instanceof z.ZodPipe) return fieldPaths(schema.in as z.ZodType, prefix);
  if (schema instanceof z.ZodRecord) return fieldPaths(schema.valueType as z.ZodType, prefix ? `${prefix}.*` : '*');
  const leaves = ['string', 'number', 'int', 'boolean', 'literal', 'enum', 'null', 'undefined', 'bigint', 'date', 'transform', 'nan'];
  if (leaves.includes(schema.def.type)) return [];
  throw new Error(`fieldPaths: unknown schema kind ${schema.def.type} at ${prefix || 'input'}`);
}
