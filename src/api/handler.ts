import { fail, isMethod, ok, parseRequest, parseResponse, type Envelope, type Method, type ParsedReq, type Res } from './contract';

/** Thrown inside service methods to reply with a specific error code (Swedish message). */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notAvailable = (what: string): ApiFailure => new ApiFailure('not_available', `${what} finns inte ännu i den här versionen`);
export const notFound = (what: string): ApiFailure => new ApiFailure('not_found', `${what} hittades inte`);

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
      if (err instanceof ApiFailure) return fail(err.code, err.message);
      onError?.(method, err);
      return fail('internal', `Ett internt fel inträffade i ${method}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
