import type { customersApi, PinResetResult, PinResetStatus } from '../../../src-shared/api/customers';
import type { Billing } from '../../billing';
import type { RadiusServer } from '../../radius';
import type { SettingsStore } from '../../deps';
import type { Clock } from '../../clock';
import type { CustomerAuth, OtpRequestRefusal } from '../../portal/customerAuth/types';
import type { AreaHandlers } from './types';

export interface CustomersDeps {
  billing: Billing;
  /** Sessions are RADIUS's: the customer page's "last logged in" is read through it. */
  radius: Pick<RadiusServer, 'lastLoginOf'>;
  /** The portal's customer auth sends the PIN-reset code. Absent until the portal is wired in. */
  customerAuth: Pick<CustomerAuth, 'startPinReset'>;
  settings: SettingsStore;
  clock: Clock;
}

/** The owner's words for each refusal; a Record, so a new refusal in customerAuth is a compile error here. */
const refusalWords: Record<OtpRequestRefusal, (wait: string) => string> = {
  limit_number_hour: (wait) => `This number has had as many codes as the OTP limits allow in an hour. Try again ${wait}.`,
  limit_number_day: (wait) => `This number has had as many codes as the OTP limits allow in a day. Try again ${wait}.`,
  limit_mac: (wait) => `Too many codes were asked for from one device. Try again ${wait}.`,
  limit_ip: (wait) => `Too many codes were asked for from one address. Try again ${wait}.`,
  resend_too_soon: (wait) => `A code was sent to this number moments ago; it still works. To send another, try again ${wait}.`,
  sms_failed: () => 'The text could not be sent. The SMS outbox shows why; check the SMS settings and try again.',
  wrong_purpose: () => 'This customer cannot reset a PIN by text.',
  disabled: () => 'This customer is disabled. Enable the customer first.',
};

function waitWords(retryAt: number | undefined, now: number): string {
  if (retryAt === undefined || retryAt <= now) return 'later';
  const minutes = Math.ceil((retryAt - now) / 60_000);
  return minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`;
}

export function customersHandlers({ billing, radius, customerAuth, settings, clock }: CustomersDeps) {
  return {
    'customers.list': (i) => billing.customers.list(i),
    'customers.get': (i) => {
      const c = 'id' in i ? billing.customers.get(i.id) : billing.customers.getByPhone(i.phone);
      const last = radius.lastLoginOf(c.id);
      return { ...c, lastLogin: last && { at: last.at, routerId: last.routerId, routerName: last.routerName, by: last.by } };
    },
    'customers.create': (i) => billing.customers.create(i.phone, i),
    'customers.update': ({ id, ...patch }) => billing.customers.update(id, patch),
    // The ledger records who sold (the signed-in staff member): the daily report's sales by staff.
    'customers.sellPackage': (i, ctx) => billing.sell({ ...i, createdBy: ctx.auditActor }),
    'customers.addDevice': (i) => billing.customers.addDevice(i.customerId, i.mac, i.label),
    'customers.removeDevice': (i) => {
      billing.customers.removeDevice(i);
      return { removed: true as const };
    },
    'customers.resetPin': async ({ id }): Promise<PinResetResult> => {
      const c = billing.customers.get(id);
      // The code's text goes out in the portal's default language: the one the customer most likely reads.
      const r = await customerAuth.startPinReset(c.id, settings.get().portal.defaultLanguage);
      if (r.ok) return { sent: true, status: 'sent', localPhone: c.localPhone };
      const status: PinResetStatus = r.reason;
      return {
        sent: false,
        status,
        localPhone: c.localPhone,
        ...(r.retryAt !== undefined ? { retryAt: r.retryAt } : {}),
        error: refusalWords[r.reason](waitWords(r.retryAt, clock.now())),
      };
    },
    'customers.cancelSubscription': (i) => billing.cancelSubscription(i.subscriptionId),
  } satisfies AreaHandlers<typeof customersApi>;
}
