import Link from 'next/link';
import { ENGINES } from '../engine';

export default function HomePage() {
  return (
    <main style={{ maxWidth: 880, margin: '40px auto', padding: '0 20px' }}>
      <h1>SchedLab</h1>
      <p>A scheduling research workbench: write a policy in TypeScript, run it against a simulation engine in your
        browser, and compare it with the published rules.</p>
      <h2>Engines</h2>
      <ul>
        {ENGINES.map((engine) => (
          <li key={engine.id}>
            <Link href={`/lab/${engine.id}`}>{engine.title}</Link> — version {engine.version}
          </li>
        ))}
      </ul>
    </main>
  );
}
