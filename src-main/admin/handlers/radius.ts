import type { radiusApi } from '../../../src-shared/api/radius';
import type { RadiusServer } from '../../radius';
import type { AreaHandlers } from './types';

export function radiusHandlers({ radius }: { radius: RadiusServer }) {
  return {
    'radius.status': () => radius.status(),
  } satisfies AreaHandlers<typeof radiusApi>;
}
