import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '../../../db/client';
import { HIDEABLE_CONTROLS, type HideableControl } from '../../../db/lesson-spec';
import { resolveLesson } from '../../../db/lesson-runs';
import { getLesson } from '../../../db/queries/lessons';
import { LessonPage } from '../../../components/classroom/lesson-page';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ hide?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLesson(await getDb(), (await params).id);
  return { title: lesson ? `${lesson.spec.title} · SchedLab lesson` : 'Lesson not found · SchedLab' };
}

/** `?hide=editor,metrics`: a teacher can hide more controls by link, as TensorFlow Playground does; never fewer. */
function linkHidden(hide: string | string[] | undefined): HideableControl[] {
  const names = (Array.isArray(hide) ? hide : [hide ?? '']).flatMap((h) => h.split(','));
  return HIDEABLE_CONTROLS.filter((control) => names.includes(control));
}

/** A lesson link: a built-in slug or a stored lesson's content hash; the page is the same for every student. */
export default async function Lesson({ params, searchParams }: Props) {
  const { id } = await params;
  const lesson = await getLesson(await getDb(), id);
  if (!lesson) notFound();
  const resolved = resolveLesson(lesson.spec);
  return (
    <LessonPage
      lesson={lesson}
      scenarios={resolved.scenarios}
      options={resolved.options}
      challengeScenarioCount={resolved.challengeScenarios.length}
      extraHidden={linkHidden((await searchParams).hide)}
    />
  );
}
