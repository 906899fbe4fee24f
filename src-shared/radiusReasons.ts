/**
 * Why RADIUS refused a login (reject: the router is answered Access-Reject) or ignored a packet
 * (drop: nothing is answered). The one list behind the RADIUS counters, the auth-log filter of the
 * admin API and the admin UI's labels, so a reason added here must be labelled everywhere.
 */
export const rejectReasons = [
  'unknown_user',
  'bad_password',
  'no_active_package',
  'expired',
  'data_exhausted',
  'device_limit',
  'wrong_router',
  'disabled',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

export const dropReasons = [
  'malformed',
  'oversized',
  'unknown_nas',
  'bad_authenticator',
  'missing_message_authenticator',
  'unexpected_code',
  'db_error',
  'internal_error',
] as const;
export type DropReason = (typeof dropReasons)[number];

/** Every reason an auth-log line can carry. */
export const authLogReasons = [...rejectReasons, ...dropReasons] as const;
export type AuthLogReason = RejectReason | DropReason;
