import { notFound } from 'next/navigation';
import { LabPage } from '../../../components/lab/lab-page';

export default async function Lab({ params }: { params: Promise<{ engine: string }> }) {
  const { engine } = await params;
  // Only the job shop has a lab so far; the VM and LLM engines join here.
  if (engine !== 'jobshop') notFound();
  return <LabPage />;
}
