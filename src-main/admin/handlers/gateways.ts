import type { gatewaysApi } from '../../../src-shared/api/gateways';
import type { Gateways } from '../../gateways';
import type { AreaHandlers } from './types';

/** `gateways.*`: settings of each online gateway (secrets write-only) and its Test button. */
export function gatewaysHandlers({ gateways }: { gateways: Gateways }) {
  return {
    'gateways.get': ({ gateway }) => gateways.get(gateway),
    'gateways.configure': (input) => gateways.configure(input),
    'gateways.test': ({ gateway }) => gateways.test(gateway),
  } satisfies AreaHandlers<typeof gatewaysApi>;
}
