import { z } from 'zod';
import { query } from './def';

/** One address of one network interface of this PC (the setup wizard lets the owner pick one). */
export interface NetworkInterfaceAddress {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  /** Loopback: routers can never reach this PC on it. */
  internal: boolean;
  netmask: string;
}

/** This PC: what the first-run wizard needs to know about the machine the engine runs on. */
export const systemApi = {
  /** IPv4 addresses routers can reach first, loopback and IPv6 last. */
  'system.interfaces': query<NetworkInterfaceAddress[]>()(z.strictObject({}), { role: 'owner' }),
};
