import { notFound } from 'next/navigation';
import { LabPage } from '../../../components/lab/lab-page';
import { LAB_ENGINES } from '../../../components/lab/lab-engines';
import { LlmLabPage } from '../../../components/llm-lab/llm-lab-page';
import { VmLabPage } from '../../../components/vm-lab/vm-lab-page';

export default async function Lab({ params }: { params: Promise<{ engine: string }> }) {
  const { engine } = await params;
  if (!LAB_ENGINES.includes(engine)) notFound();
  if (engine === 'vm') return <VmLabPage />;
  if (engine === 'llm') return <LlmLabPage />;
  return <LabPage />;
}
