/**
 * RADIUS codes and attribute numbers the hot path needs. The codec works on numbers, not names,
 * so it never depends on node-radius's module-global dictionary; resources/dictionary.* carry the
 * same numbers for node-radius (used by the Disconnect client and the test NAS) and a unit test
 * keeps both in step.
 */
export const Code = {
  AccessRequest: 1,
  AccessAccept: 2,
  AccessReject: 3,
  AccountingRequest: 4,
  AccountingResponse: 5,
  AccessChallenge: 11,
  StatusServer: 12,
  DisconnectRequest: 40,
  DisconnectAck: 41,
  DisconnectNak: 42,
  CoaRequest: 43,
  CoaAck: 44,
  CoaNak: 45,
} as const;

export const Attr = {
  UserName: 1,
  UserPassword: 2,
  ChapPassword: 3,
  NasIpAddress: 4,
  NasPort: 5,
  ServiceType: 6,
  FramedIpAddress: 8,
  ReplyMessage: 18,
  State: 24,
  Class: 25,
  VendorSpecific: 26,
  SessionTimeout: 27,
  IdleTimeout: 28,
  CalledStationId: 30,
  CallingStationId: 31,
  NasIdentifier: 32,
  ProxyState: 33,
  AcctStatusType: 40,
  AcctDelayTime: 41,
  AcctInputOctets: 42,
  AcctOutputOctets: 43,
  AcctSessionId: 44,
  AcctSessionTime: 46,
  AcctInputPackets: 47,
  AcctOutputPackets: 48,
  AcctTerminateCause: 49,
  AcctInputGigawords: 52,
  AcctOutputGigawords: 53,
  EventTimestamp: 55,
  ChapChallenge: 60,
  NasPortType: 61,
  AcctInterimInterval: 85,
  NasPortId: 87,
  MessageAuthenticator: 80,
  ErrorCause: 101,
} as const;

export const Vendor = { Mikrotik: 14988, WISPr: 14122 } as const;

export const Mikrotik = {
  RecvLimit: 1,
  XmitLimit: 2,
  Group: 3,
  RateLimit: 8,
  Realm: 9,
  HostIp: 10,
  RecvLimitGigawords: 14,
  XmitLimitGigawords: 15,
  TotalLimit: 17,
  TotalLimitGigawords: 18,
  AddressList: 19,
} as const;

export const Wispr = { LocationId: 1, LocationName: 2, LogoffUrl: 3 } as const;

export const AcctStatus = { Start: 1, Stop: 2, InterimUpdate: 3, AccountingOn: 7, AccountingOff: 8 } as const;

/** RFC 2866 Acct-Terminate-Cause values, stored by name in sessions.terminate_cause. */
export const terminateCauseNames: Record<number, string> = {
  1: 'User-Request', 2: 'Lost-Carrier', 3: 'Lost-Service', 4: 'Idle-Timeout', 5: 'Session-Timeout',
  6: 'Admin-Reset', 7: 'Admin-Reboot', 8: 'Port-Error', 9: 'NAS-Error', 10: 'NAS-Request',
  11: 'NAS-Reboot', 12: 'Port-Unneeded', 13: 'Port-Preempted', 14: 'Port-Suspended',
  15: 'Service-Unavailable', 16: 'Callback', 17: 'User-Error', 18: 'Host-Request',
};

/** RFC 5176 Error-Cause values we send or expect in a NAK. */
export const ErrorCause = { SessionContextNotFound: 503 } as const;
