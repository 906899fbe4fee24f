// Types for the parts of npm `radius` (retailnext/node-radius 1.1.4, untyped) that we use.
declare module 'radius' {
  export type AttributeValue = string | number | Buffer | Date;
  export type Attribute =
    | [string | number, AttributeValue]
    | ['Vendor-Specific', string | number, Attribute[]];
  export interface DecodedPacket {
    code: string;
    identifier: number;
    length: number;
    authenticator: Buffer;
    // Decoded values are strings, numbers, Buffers, Dates or nested VSA records.
    attributes: Record<string, unknown> & { [name: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    raw_attributes: Array<[number, Buffer]>;
  }
  export interface EncodeArgs {
    code: string;
    secret: string;
    identifier?: number;
    authenticator?: Buffer;
    attributes?: Attribute[];
    add_message_authenticator?: boolean;
  }
  export class InvalidSecretError extends Error {
    decoded: DecodedPacket;
  }
  const radius: {
    add_dictionary(file: string): void;
    decode(args: { packet: Buffer; secret: string }): DecodedPacket;
    decode_without_secret(args: { packet: Buffer }): DecodedPacket;
    encode(args: EncodeArgs): Buffer;
    encode_response(args: { packet: DecodedPacket; code: string; secret: string; attributes?: Attribute[] }): Buffer;
    verify_response(args: { request: Buffer; response: Buffer; secret: string }): boolean;
    attr_name_to_id(name: string, vendorId?: number): string | undefined;
    vendor_name_to_id(name: string): string | undefined;
    InvalidSecretError: typeof InvalidSecretError;
  };
  export default radius;
}
