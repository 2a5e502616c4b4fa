import { API, METHODS, fail, parseEnvelope, parseRequest, parseResponse, type Envelope, type Method, type Req, type Res, type ApiErrorBody } from './contract';

/**
 * Transport-agnostic API client used by the renderer. A transport sends one method call and
 * resolves to the reply envelope; it never throws for API errors (only the client turns
 * transport failures into `{ ok: false, error: { code: 'transport' } }`).
 */
export type Transport = (method: Method, request: unknown) => Promise<unknown>;

/** One async function per API method; every reply is an envelope (errors are values). */
export type ApiClient = { [M in Method]: (request?: Req<M>) => Promise<Envelope<Res<M>>> };

/** An API error thrown by `unwrap`, for code that prefers exceptions (e.g. React Query-style loaders). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get code(): string {
    return this.body.code;
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

export function createClient(transport: Transport): ApiClient {
  const client = {} as Record<Method, (request?: unknown) => Promise<Envelope<unknown>>>;
  for (const method of METHODS) {
    client[method] = async (request?: unknown) => {
      // Validate before sending so the user sees Swedish validation messages without a round trip.
      const parsed = parseRequest(method, request ?? {});
      if (!parsed.ok) return parsed;
      let raw: unknown;
      try {
        raw = await transport(method, request ?? {});
      } catch (err) {
        return fail('transport', `Kunde inte nå Insyn: ${err instanceof Error ? err.message : String(err)}`);
      }
      const envelope = parseEnvelope(raw);
      if (!envelope.ok) return envelope;
      return parseResponse(method, envelope.value);
    };
  }
  return client as unknown as ApiClient;
}

export { API };
