import type { authLogApi } from '../../../src-shared/api/authLog';
import type { RadiusServer } from '../../radius';
import type { AreaHandlers } from './types';

export function authLogHandlers({ radius }: { radius: RadiusServer }) {
  return {
    'authLog.list': (i) => radius.listAuthLog(i),
  } satisfies AreaHandlers<typeof authLogApi>;
}
