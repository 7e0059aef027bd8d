/**
 * The results API through its real route handlers and real Request objects, over an in-memory PGlite injected with
 * setDb (the handlers call getDb() as in production).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, setDb, type DbHandle } from '../../db/client';
import { SaveExperimentPayloadSchema, type ApiError, type SavedExperiment } from '../../db/payloads';
import { GET as listRoute, POST as saveRoute } from '../../app/api/experiments/route';
import { GET as getRoute } from '../../app/api/experiments/[id]/route';
import { MAX_BODY_BYTES } from '../../app/api/_lib/read-json-body';
import { samplePayload } from '../db/fixtures';

const BASE = 'http://localhost/api/experiments';

function post(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return saveRoute(new Request(BASE, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));
}

function getOne(id: string): Promise<Response> {
  return getRoute(new Request(`${BASE}/${id}`), { params: Promise.resolve({ id }) });
}

describe('results API route handlers', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ memory: true });
    setDb(handle);
  });
  afterAll(async () => {
    setDb(undefined);
    await handle.close();
  });

  it('POST saves: 201 {id, url}; the same snapshot again is 200 with the same id', async () => {
    const response = await post(JSON.stringify(samplePayload()));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; url: string };
    expect(body.id).toMatch(/^[0-9a-f]{32}$/);
    expect(body.url).toBe(`/e/${body.id}`);

    const again = await post(JSON.stringify(samplePayload()));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);
  });

  it('GET /api/experiments/[id] returns the saved payload; an unknown id is 404', async () => {
    const payload = samplePayload('fetched back');
    const { id } = (await (await post(JSON.stringify(payload))).json()) as { id: string };
    const response = await getOne(id);
    expect(response.status).toBe(200);
    const saved = (await response.json()) as SavedExperiment;
    expect(saved.id).toBe(id);
    expect(saved.payload).toStrictEqual(SaveExperimentPayloadSchema.parse(payload));

    for (const missing of ['f'.repeat(32), 'not-an-id']) {
      const notFound = await getOne(missing);
      expect(notFound.status).toBe(404);
      expect(((await notFound.json()) as ApiError).error).toMatch(/no saved experiment/);
    }
  });

  it('GET /api/experiments lists newest first and honours ?limit', async () => {
    const response = await listRoute(new Request(`${BASE}?limit=1`));
    expect(response.status).toBe(200);
    const { experiments } = (await response.json()) as { experiments: { title: string; runCount: number }[] };
    expect(experiments).toHaveLength(1);
    expect(experiments[0].runCount).toBe(4);
    expect((await listRoute(new Request(`${BASE}?limit=ten`))).status).toBe(400);
  });

  it('400 for malformed JSON, an empty body or bytes that are not UTF-8', async () => {
    for (const body of ['{"title": ', '', new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      const error = (await response.json()) as ApiError;
      expect(error.error).toMatch(/JSON|UTF-8|empty/);
      expect(error.issues).toHaveLength(1);
    }
  });

  it('400 for a schema error, naming the path in the message and in issues', async () => {
    const payload = samplePayload() as unknown as { runs: { seed: unknown; scenario: { instance: { machineCount: unknown } } }[] };
    payload.runs[2].seed = 'seven';
    payload.runs[0].scenario.instance.machineCount = 0;
    const response = await post(JSON.stringify(payload));
    expect(response.status).toBe(400);
    const error = (await response.json()) as ApiError;
    expect(error.error).toMatch(/^invalid payload: runs\[0\]\.scenario\.instance\.machineCount: /);
    expect(error.issues!.map((i) => i.path)).toEqual(['runs[0].scenario.instance.machineCount', 'runs[2].seed']);
    // Nothing was stored for the refused payload.
    const list = (await (await listRoute(new Request(BASE))).json()) as { experiments: unknown[] };
    expect(list.experiments).toHaveLength(2);
  });

  it('413 when Content-Length announces too much, before reading', async () => {
    const response = await post('{}', { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ApiError).error).toMatch(/larger than/);
  });

  it('413 when the bytes read exceed the limit without a Content-Length (chunked upload)', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // One chunk past the limit; a handler that did not count would read all of it and then fail to parse.
        if (sent > MAX_BODY_BYTES) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const request = new Request(BASE, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    const response = await saveRoute(request);
    expect(response.status).toBe(413);
  });
});
