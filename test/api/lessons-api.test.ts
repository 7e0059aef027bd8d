/**
 * The lesson API through its real route handlers and Request objects, over an in-memory PGlite (setDb). The
 * submission tests re-run policies for real, in isolated child processes: few and small (ft06-size scenarios).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, setDb, type DbHandle } from '../../db/client';
import type { ApiError } from '../../db/payloads';
import type { Leaderboard, LessonSummary } from '../../db/lesson-payloads';
import type { LessonRecord, LessonSpecInput } from '../../db/lesson-spec';
import { findBuiltinLesson } from '../../db/lessons';
import { resolveLesson } from '../../db/lesson-runs';
import { parseLessonSpec } from '../../db/lesson-validate';
import { findBuiltinPolicy } from '../../engine/jobshop/policies';
import { simulate } from '../../engine/jobshop/simulate';
import { sweepRunInputs, type JobshopRunInputs } from '../../workers/sweep-run-inputs';
import { GET as listRoute, POST as createRoute } from '../../app/api/lessons/route';
import { GET as getRoute } from '../../app/api/lessons/[id]/route';
import { POST as submitRoute } from '../../app/api/lessons/[id]/submissions/route';
import { GET as leaderboardRoute } from '../../app/api/lessons/[id]/leaderboard/route';
import { POST as closeRoute } from '../../app/api/lessons/[id]/close/route';
import { GET as csvRoute } from '../../app/api/lessons/[id]/results.csv/route';

const BASE = 'http://localhost/api/lessons';
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

const challenge = (budgetSeconds: number): LessonSpecInput => ({
  engine: 'jobshop',
  title: `Makespan challenge (${budgetSeconds} s)`,
  instructions: 'Lowest mean makespan wins.',
  scenarios: ['ft06', 'teach-6x4'],
  starter: { builtin: 'spt' },
  compare: ['mwkr'],
  challenge: { objective: 'makespan', seeds: [1], budgetSeconds, memoryMb: 128 },
});

const policyFile = (priority: string) => `import type { JobShopPolicy } from 'schedlab/jobshop';\nconst p: JobShopPolicy = {\n  id: 'mine', label: 'mine', description: 'mine',\n  priority: ${priority},\n};\nexport default p;\n`;

async function create(spec: LessonSpecInput): Promise<{ id: string; url: string; teacherKey: string }> {
  const response = await createRoute(post(BASE, { spec }));
  expect(response.status).toBe(201);
  return response.json();
}

async function submit(id: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await submitRoute(post(`${BASE}/${id}/submissions`, body), params(id));
  return { status: response.status, body: await response.json() };
}

async function board(id: string): Promise<Leaderboard> {
  return (await leaderboardRoute(new Request(`${BASE}/${id}/leaderboard`), params(id))).json();
}

/** The engine's own makespan for a built-in on a lesson's challenge scenario, computed here in-process. */
function inProcessMakespan(spec: LessonSpecInput, builtin: string, scenario: number): number {
  const parsed = parseLessonSpec(spec);
  const { challengeScenarios, options } = resolveLesson(parsed);
  const inputs = sweepRunInputs('jobshop', challengeScenarios![scenario], parsed.challenge!.seeds[0], options) as JobshopRunInputs;
  return simulate(inputs.instance, findBuiltinPolicy(builtin)!, inputs.options).metrics.makespan;
}

describe('lesson API route handlers', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ memory: true });
    setDb(handle);
  });
  afterAll(async () => {
    setDb(undefined);
    await handle.close();
  });

  it('POST /api/lessons stores a lesson: 201 {id, url, teacherKey}; the same spec gets the same id', async () => {
    const first = await create(challenge(5));
    expect(first.url).toBe(`/lessons/${first.id}`);
    const again = await create(challenge(5));
    expect(again.id).toBe(first.id);
    expect(again.teacherKey).not.toBe(first.teacherKey);
    const record = (await (await getRoute(new Request(`${BASE}/${first.id}`), params(first.id))).json()) as LessonRecord;
    expect(record).toMatchObject({ id: first.id, builtin: false, closed: false, spec: { title: 'Makespan challenge (5 s)' } });
    const { lessons } = (await (await listRoute()).json()) as { lessons: LessonSummary[] };
    expect(lessons.some((l) => l.id === first.id && l.challenge)).toBe(true);
    expect(lessons[0].builtin).toBe(true);
  });

  it('GET /api/lessons/[id]: built-ins by slug, 404 for unknown ids', async () => {
    const response = await getRoute(new Request(`${BASE}/jobshop-spt-makespan`), params('jobshop-spt-makespan'));
    expect(((await response.json()) as LessonRecord).spec.title).toBe('Why SPT is bad for makespan');
    for (const id of ['f'.repeat(32), 'jobshop-nope', '../etc']) expect((await getRoute(new Request(`${BASE}/x`), params(id))).status).toBe(404);
  });

  it('400 naming the JSON path of a bad spec; 400 for malformed JSON; 413 for an oversized body', async () => {
    const bad = await createRoute(post(BASE, { spec: { ...challenge(5), scenarios: ['ft06', 'xx'] } }));
    expect(bad.status).toBe(400);
    const error = (await bad.json()) as ApiError;
    expect(error.error).toMatch(/^invalid lesson: spec\.scenarios\[1\]: unknown jobshop scenario "xx" \(known: /);
    expect(error.issues![0].path).toBe('spec.scenarios[1]');
    const malformed = await createRoute(post(BASE, '{"spec": '));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ApiError).error).toMatch(/^malformed JSON/);
    expect((await createRoute(post(BASE, '{}', { 'content-length': String(64 * 1024 * 1024) }))).status).toBe(413);
    expect((await createRoute(post(BASE, { spec: challenge(5), more: 1 }))).status).toBe(400);
  });

  it('re-runs submissions on the server: ranks a good rule above SPT by the engine\'s own makespans, whatever the client claims', async () => {
    const spec = challenge(10);
    const { id } = await create(spec);
    const spt = await submit(id, { displayName: '  Sam  ', policy: { builtin: 'spt' }, claimed: { makespan: 1 } });
    expect(spt.status).toBe(201);
    expect(spt.body.rank).toBe(1);
    expect(spt.body.submission).toMatchObject({ displayName: 'Sam', status: 'done', claimed: { makespan: 1 }, error: null });
    const sptScore = (inProcessMakespan(spec, 'spt', 0) + inProcessMakespan(spec, 'spt', 1)) / 2;
    expect(spt.body.submission.score).toBe(sptScore);
    expect(spt.body.submission.metrics.map((m: { scenario: string; metrics: { makespan: number } }) => [m.scenario, m.metrics.makespan])).toEqual([
      ['ft06', inProcessMakespan(spec, 'spt', 0)],
      ['teach-6x4', inProcessMakespan(spec, 'spt', 1)],
    ]);

    const mine = await submit(id, { displayName: 'Mia', policy: { fileName: 'most-work.ts', source: policyFile('(c, v) => -v.jobRemainingWork(c.job)') } });
    expect(mine.status).toBe(201);
    expect(mine.body.rank).toBe(1);
    expect(mine.body.submission.score).toBe((inProcessMakespan(spec, 'mwkr', 0) + inProcessMakespan(spec, 'mwkr', 1)) / 2);
    expect(mine.body.submission.score).toBeLessThan(sptScore);

    const leaderboard = await board(id);
    expect(leaderboard).toMatchObject({ objective: 'makespan', direction: 'min', closed: false });
    expect(leaderboard.entries.map((e) => [e.rank, e.displayName])).toEqual([
      [1, 'Mia'],
      [2, 'Sam'],
    ]);
  });

  it('a policy that loops forever fails with kind budget, and the submission after it still runs', async () => {
    const { id } = await create(challenge(1));
    const started = Date.now();
    const [looping, next] = await Promise.all([
      submit(id, { displayName: 'Loop', policy: { fileName: 'loop.ts', source: policyFile('() => { for (;;) {} }') } }),
      submit(id, { displayName: 'Next', policy: { builtin: 'mwkr' } }),
    ]);
    expect(looping.status).toBe(201);
    expect(looping.body.rank).toBeNull();
    expect(looping.body.submission).toMatchObject({ status: 'failed', score: null, error: { kind: 'budget', scenario: 'ft06', seed: 1 } });
    expect(looping.body.submission.error.message).toMatch(/loop\.ts ran past its budget of 1 s/);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ rank: 1, submission: { status: 'done' } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await board(id)).entries.map((e) => [e.rank, e.displayName, e.status])).toEqual([
      [1, 'Next', 'done'],
      [null, 'Loop', 'failed'],
    ]);
  });

  it('close: 403 with a wrong key or for a built-in; 200 with the key; then submissions are refused with 409; CSV export', async () => {
    const { id, teacherKey } = await create({ ...challenge(5), title: 'To close' });
    const close = (lesson: string, key: string) => closeRoute(post(`${BASE}/${lesson}/close`, { teacherKey: key }), params(lesson));
    expect((await close(id, 'f'.repeat(32))).status).toBe(403);
    expect((await close('jobshop-rules-vs-tabu', teacherKey)).status).toBe(403);
    const closed = await close(id, teacherKey);
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ closed: true });
    const refused = await submit(id, { displayName: 'Late', policy: { builtin: 'mwkr' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/closed/);
    expect((await board(id)).closed).toBe(true);

    const csv = await csvRoute(new Request(`${BASE}/${id}/results.csv?key=${teacherKey}`), params(id));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="challenge-${id}-results.csv"`);
    expect((await csv.text()).split('\r\n')[0]).toBe('rank,display_name,status,score (mean makespan),makespan: ft06 seed 1,makespan: teach-6x4 seed 1,submitted_at,error');
    expect((await csvRoute(new Request(`${BASE}/${id}/results.csv?key=nope`), params(id))).status).toBe(403);
    expect((await csvRoute(new Request(`${BASE}/jobshop-rules-vs-tabu/results.csv?key=${teacherKey}`), params('jobshop-rules-vs-tabu'))).status).toBe(403);
  });

  it('refuses bad submissions before running anything, naming the field', async () => {
    const { id } = await create(challenge(5));
    const cases: [unknown, number, string][] = [
      [{ displayName: 'a\u0007b', policy: { builtin: 'spt' } }, 400, 'displayName'],
      [{ displayName: '   ', policy: { builtin: 'spt' } }, 400, 'displayName'],
      [{ displayName: 'x'.repeat(41), policy: { builtin: 'spt' } }, 400, 'displayName'],
      [{ displayName: 'ok', policy: { builtin: 'nope' } }, 400, 'policy.builtin'],
      [{ displayName: 'ok', policy: { source: 'x', fileName: '/etc/passwd' } }, 400, 'policy.fileName'],
      [{ displayName: 'ok', policy: { builtin: 'spt' }, claimed: { makespan: 'low' } }, 400, 'claimed.makespan'],
    ];
    for (const [body, status, path] of cases) {
      const response = await submit(id, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((response.body as ApiError).issues?.[0].path, JSON.stringify(body)).toBe(path);
    }
    const malformed = await submitRoute(post(`${BASE}/${id}/submissions`, '{"displayName": '), params(id));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ApiError).error).toMatch(/^malformed JSON/);
    expect((await submit('f'.repeat(32), { displayName: 'ok', policy: { builtin: 'spt' } })).status).toBe(404);
    const plain = findBuiltinLesson('jobshop-spt-makespan')!;
    expect((await submit(plain.id, { displayName: 'ok', policy: { builtin: 'spt' } })).status).toBe(400);
    expect((await leaderboardRoute(new Request(`${BASE}/${plain.id}/leaderboard`), params(plain.id))).status).toBe(400);
    expect((await board(id)).entries).toEqual([]);
  });
});
