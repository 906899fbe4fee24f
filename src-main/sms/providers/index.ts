import type { SmsConfig, SmsProvider } from '../types';
import { outboxProvider } from './outbox';
import { httpGatewayProvider } from './httpGateway';
import { bulkSmsBdProvider, type BulkSmsBdOptions } from './bulkSmsBd';
import { sslWirelessProvider, type SslWirelessOptions } from './sslWireless';

/** Overrides of the presets' [U] details (tests run both variants; a field fix is one line). */
export interface PresetOptions {
  bulksmsbd?: Partial<BulkSmsBdOptions>;
  sslwireless?: Partial<SslWirelessOptions>;
}

/** Built per send from the current settings, so a settings change applies to the next SMS. */
export function providerFor(cfg: SmsConfig, apiKey: string | null, presets: PresetOptions = {}): SmsProvider {
  switch (cfg.provider) {
    case 'outbox':
      return outboxProvider();
    case 'http':
      return httpGatewayProvider(cfg.http, apiKey, cfg.senderId);
    case 'bulksmsbd':
      return bulkSmsBdProvider(apiKey, cfg.senderId, cfg.baseUrl, presets.bulksmsbd);
    case 'sslwireless':
      return sslWirelessProvider(apiKey, cfg.senderId, cfg.baseUrl, presets.sslwireless);
  }
}
