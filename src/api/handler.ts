import { InsynError, type FailureCode } from '../model/errors';
import { fail, isMethod, ok, parseRequest, parseResponse, type Envelope, type ErrorCode, type Method, type ParsedReq, type Res } from './contract';

/** The reply code for each core failure: the user's input is an invalid request, a file in the way a conflict. */
const REPLY_CODE: Record<FailureCode, ErrorCode> = {
  invalid_input: 'invalid_request', usage: 'invalid_request', not_found: 'not_found', exists: 'conflict',
  no_tables: 'invalid_request', unknown_table: 'invalid_request', missing_headers: 'invalid_request', unreadable: 'invalid_request',
  binary: 'invalid_request', empty: 'invalid_request', store: 'internal', busy: 'busy', audit_failed: 'audit_failed', internal: 'internal',
};

export const notFound = (what: string): InsynError => new InsynError('not_found', `${what} hittades inte`);

/** The implementation of the contract: one function per method over parsed requests. */
export type ServiceImpl = { [M in Method]: (request: ParsedReq<M>) => Promise<Res<M>> | Res<M> };

/**
 * Wraps a service so that every call is validated on the way in and out and always resolves
 * to an envelope: shared by the loopback server, the Electron IPC handlers and the worker host.
 */
export function createApiHandler(service: ServiceImpl, onError?: (method: string, err: unknown) => void) {
  return async (method: string, request: unknown): Promise<Envelope<unknown>> => {
    if (!isMethod(method)) return fail('unknown_method', `Okänd metod: ${method}`);
    const parsed = parseRequest(method, request);
    if (!parsed.ok) return parsed;
    try {
      const value = await (service[method] as (r: unknown) => unknown)(parsed.value);
      const checked = parseResponse(method, value);
      if (!checked.ok) onError?.(method, new Error(checked.error.message));
      return checked.ok ? ok(checked.value) : checked;
    } catch (err) {
      if (err instanceof InsynError) return fail(REPLY_CODE[err.code], err.messageSv);
      onError?.(method, err);
      return fail('internal', `Ett internt fel inträffade i ${method}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
