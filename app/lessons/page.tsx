import Link from 'next/link';
import { getDb } from '../../db/client';
import { listLessons } from '../../db/queries/lessons';

export const dynamic = 'force-dynamic';

const ENGINES = [
  { id: 'jobshop', title: 'Job shop' },
  { id: 'vm', title: 'VM rescheduling' },
  { id: 'llm', title: 'LLM serving' },
] as const;

/** The lessons: the built-in ones per engine, simple to hard, then the ones teachers made here. */
export default async function Lessons() {
  const lessons = await listLessons(await getDb());
  const made = lessons.filter((l) => !l.builtin);
  return (
    <main className="home">
      <p>
        <Link href="/">SchedLab</Link>
      </p>
      <h1>Lessons</h1>
      <p>
        Each lesson is a link: open it and step through a schedule being built decision by decision, change the policy
        and see what changes. A teacher makes a new one from any lab with <strong>Make lesson</strong>.
      </p>
      {ENGINES.map((engine) => (
        <section key={engine.id} aria-label={engine.title}>
          <h2>{engine.title}</h2>
          <ol className="lesson-list">
            {lessons
              .filter((l) => l.builtin && l.engine === engine.id)
              .map((l, i) => (
                <li key={l.id}>
                  <span className="level">{['simple', 'medium', 'hard'][Math.min(i, 2)]}</span>
                  <Link href={`/lessons/${l.id}`}>{l.title}</Link>
                  {l.challenge && <span className="muted"> · challenge</span>}
                </li>
              ))}
          </ol>
        </section>
      ))}
      <h2>Made by teachers</h2>
      {made.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul aria-label="Lessons made by teachers">
          {made.map((l) => (
            <li key={l.id}>
              <Link href={`/lessons/${l.id}`}>{l.title}</Link>{' '}
              <span className="muted">
                {l.engine}
                {l.challenge ? (l.closed ? ' · challenge, closed' : ' · challenge') : ''}
                {l.createdAt ? ` · ${l.createdAt.slice(0, 16).replace('T', ' ')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
