'use client';
import { useEffect, useState } from 'react';
import { myExperimentIds } from '../lab/experiment-payload';

/** Experiments saved or opened in this browser (there are no accounts; the list lives in localStorage). */
export function MyExperiments({ titles }: { titles: Readonly<Record<string, string>> }) {
  const [ids, setIds] = useState<string[] | null>(null);
  useEffect(() => setIds(myExperimentIds()), []);
  if (ids === null) return null;
  if (ids.length === 0) return <p className="muted">None yet: run something in the lab and press “Save &amp; share”.</p>;
  return (
    <ul aria-label="My experiments">
      {ids.map((id) => (
        <li key={id}>
          <a href={`/e/${id}`}>{titles[id] ?? `Experiment ${id.slice(0, 8)}`}</a>
        </li>
      ))}
    </ul>
  );
}
