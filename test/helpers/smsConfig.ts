import type { SmsConfig } from '../../src-main/sms';

/** An SMS config for tests: outbox provider, short timeouts, no retry pause; override what matters. */
export function testSmsConfig(over: Partial<SmsConfig> = {}): SmsConfig {
  return {
    provider: 'outbox',
    senderId: '8809617000000',
    http: { method: 'GET', url: '', bodyTemplate: '', contentType: 'form', numberFormat: '880', successContains: '' },
    lowBalanceWarnAt: null,
    shopName: 'Rahim',
    timeoutMs: 2000,
    retryDelayMs: 0,
    ...over,
  };
}
