/**
 * The parts of `@sealsystems/ipp` (the maintained fork of `ipp`; no bundled types) this api uses: encoding a request and decoding a
 * response. The HTTP exchange is ours (timeouts, errors), see printing/ippPrinter.ts.
 */
declare module '@sealsystems/ipp' {
  /** An attribute value as the package encodes and decodes it. */
  export type IppValue =
    string | number | boolean | null | IppValue[] | { [name: string]: IppValue };

  export type IppAttributeGroup = Record<string, IppValue>;

  export interface IppRequest {
    version?: '1.0' | '1.1' | '2.0' | '2.1' | '2.2';
    /** An operation name, e.g. 'Print-Job', 'Get-Job-Attributes'. */
    operation: string;
    /** The request id (non-zero). */
    id?: number;
    'operation-attributes-tag': IppAttributeGroup;
    'job-attributes-tag'?: IppAttributeGroup;
    /** The document, after the attributes. */
    data?: Buffer;
  }

  export interface IppResponse {
    version: string;
    /** 'successful-ok', 'client-error-document-format-not-supported', … */
    statusCode: string;
    id: number;
    'operation-attributes-tag'?: IppAttributeGroup;
    'job-attributes-tag'?: IppAttributeGroup | IppAttributeGroup[];
    'printer-attributes-tag'?: IppAttributeGroup | IppAttributeGroup[];
    'unsupported-attributes-tag'?: IppAttributeGroup | IppAttributeGroup[];
  }

  interface Ipp {
    serialize(message: IppRequest): Buffer;
    parse(buffer: Buffer): IppResponse;
  }

  const ipp: Ipp;
  export default ipp;
}
