/**
 * Reading a JSON request body with a size cap. The Content-Length header is checked first (cheap rejection), and the
 * bytes actually read are counted too, because the header can be absent (chunked upload) or lie.
 */

/** Largest accepted body: 16 MiB. A saved experiment repeats each run's instance, and ta71 with its schedule is
 * about 0.2 MB per run, so this holds some 80 full-size runs with Gantt data, or thousands without. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'too-large' | 'malformed'; readonly message: string };

function tooLarge(limit: number): JsonBody {
  return { ok: false, reason: 'too-large', message: `request body is larger than ${limit} bytes` };
}

export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<JsonBody> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  if (!request.body) return { ok: false, reason: 'malformed', message: 'request body is empty; expected JSON' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading at once rather than buffering the rest of an oversized upload.
      await reader.cancel().catch(() => undefined);
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'malformed', message: 'request body is not valid UTF-8' };
  }
  if (text.trim() === '') return { ok: false, reason: 'malformed', message: 'request body is empty; expected JSON' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: 'malformed', message: `malformed JSON: ${(error as Error).message}` };
  }
}
