import { notFound } from 'next/navigation';
import { getDb } from '../../../db/client';
import { isExperimentId } from '../../../db/payloads';
import { getExperiment } from '../../../db/queries';
import { ExperimentView } from '../../../components/experiments/experiment-view';

export const dynamic = 'force-dynamic';

/** A shared experiment: everything shown comes from the database, rendered on the server at once. */
export default async function SharedExperiment({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isExperimentId(id)) notFound();
  const experiment = await getExperiment(await getDb(), id);
  if (!experiment) notFound();
  return <ExperimentView experiment={experiment} />;
}
