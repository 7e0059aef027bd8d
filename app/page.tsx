import Link from 'next/link';
import { ENGINES } from '../engine';
import { getDb } from '../db/client';
import { listExperiments } from '../db/queries';
import { MyExperiments } from '../components/experiments/my-experiments';
import { LAB_ENGINES } from '../components/lab/lab-engines';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const recent = await listExperiments(await getDb(), { limit: 20 });
  const titles = Object.fromEntries(recent.map((e) => [e.id, e.title]));
  return (
    <main className="home">
      <h1>SchedLab</h1>
      <p>
        A scheduling research workbench. Write a scheduling policy in TypeScript, run it in your browser against a
        simulation engine, and compare it with the published rules on makespan, tardiness and the gap to the best
        known bounds. Save an experiment and share its link: it opens with the stored results and re-runs to the same
        numbers, bit for bit.
      </p>
      <h2>Engines</h2>
      <ul>
        {ENGINES.map((engine) => (
          <li key={engine.id}>
            {LAB_ENGINES.includes(engine.id) ? <Link href={`/lab/${engine.id}`}>{engine.title}</Link> : engine.title}{' '}
            <span className="muted">
              — engine version {engine.version}
              {LAB_ENGINES.includes(engine.id) ? '' : ` · command line only so far: npx schedlab list ${engine.id}`}
            </span>
          </li>
        ))}
      </ul>
      <h2>Sweeps</h2>
      <p>
        <Link href="/sweeps">Sweeps</Link>: many policies, parameter values, scenarios and seeds at once, compared on two
        objectives with the Pareto front; and <Link href="/sweeps/search">parameter search</Link> (NSGA-II, and evolved
        job-shop rules).
      </p>
      <h2>Lessons</h2>
      <p>
        <Link href="/lessons">Lessons</Link>: step-by-step explanations a teacher hands out as a link, from why SPT is
        bad for makespan to why memory estimation decides goodput, and challenges with a leaderboard.
      </p>
      <h2>My experiments</h2>
      <MyExperiments titles={titles} />
      <h2>Recent experiments</h2>
      {recent.length === 0 ? (
        <p className="muted">No saved experiments yet.</p>
      ) : (
        <ul aria-label="Recent experiments">
          {recent.map((e) => (
            <li key={e.id}>
              <Link href={`/e/${e.id}`}>{e.title}</Link>{' '}
              <span className="muted">
                {e.runCount} runs · {new Date(e.createdAt).toISOString().slice(0, 16).replace('T', ' ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
