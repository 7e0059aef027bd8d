import { notFound } from 'next/navigation';
import { LabPage } from '../../../components/lab/lab-page';
import { LAB_ENGINES } from '../../../components/lab/lab-engines';

export default async function Lab({ params }: { params: Promise<{ engine: string }> }) {
  const { engine } = await params;
  if (!LAB_ENGINES.includes(engine)) notFound();
  return <LabPage />;
}
