import type { systemApi } from '../../../src-shared/api/system';
import { listInterfaceAddresses } from '../../system/interfaces';
import type { AreaHandlers } from './types';

export function systemHandlers() {
  return {
    'system.interfaces': () => listInterfaceAddresses(),
  } satisfies AreaHandlers<typeof systemApi>;
}
