import { toGatewayPhone, toLocalPhone } from '../../src-shared/phone';
import type { NumberFormat } from './types';

/** E.164 `+8801…` → what a gateway wants: `+8801…`, `8801…` or `01…`. */
export function formatNumber(e164: string, format: NumberFormat): string {
  switch (format) {
    case 'e164':
      return e164;
    case '880':
      return toGatewayPhone(e164);
    case 'local':
      return toLocalPhone(e164);
  }
}
