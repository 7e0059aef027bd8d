'use client';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { findEngine } from '../../engine';
import { HIDEABLE_CONTROLS, type HideableControl, type LessonSpecInput } from '../../db/lesson-spec';
import { createLesson, LessonApiError, rememberTeacherKey, type CreatedLesson } from './lesson-api';
import type { LessonDraft } from './lesson-from-lab';
import { renderLessonMarkdown } from './lesson-markdown';

const CONTROL_LABELS: Record<HideableControl, string> = {
  editor: 'Policy editor',
  scenario: 'Scenario picker',
  policy: 'Policy picker',
  player: 'Step-by-step player',
  metrics: 'Metrics table',
};

const STARTER_TEXT = 'Step through the run and watch which operation the policy picks at each decision.\n\nThen change the policy and run it again.';

/**
 * "Make lesson": turns the lab's current state into a lesson a teacher can hand out. The teacher writes the text
 * (Markdown, previewed as students will see it), the questions, which controls students see, and optionally makes
 * it a challenge ranked by one metric. Creating stores it and gives an immutable link; changing anything and creating
 * again gives a new link, and the old one keeps showing what it showed.
 */
export function MakeLesson({ draft }: { draft: () => LessonDraft }) {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  // A modal dialog: focus moves into it and stays there until it closes (Esc or Close), as a keyboard user expects.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal?.();
  }, [open]);
  return (
    <>
      <button onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="make-lesson">
        Make lesson
      </button>
      {open && (
        <dialog ref={dialogRef} className="make-lesson-dialog" aria-label="Make lesson" onClose={() => setOpen(false)}>
          <MakeLessonForm draft={draft} onClose={() => dialogRef.current?.close()} />
        </dialog>
      )}
    </>
  );
}

function MakeLessonForm({ draft, onClose }: { draft: () => LessonDraft; onClose: () => void }) {
  // The lab state is taken once, when the form opens: what the teacher saw is what the lesson gets.
  const [base] = useState(draft);
  const engine = findEngine(base.engine)!;
  const metricNames = useMemo(() => Object.keys(engine.metrics), [engine]);
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState(STARTER_TEXT);
  const [questions, setQuestions] = useState('');
  const [hiddenControls, setHiddenControls] = useState<HideableControl[]>([]);
  const [hiddenMetrics, setHiddenMetrics] = useState<string[]>([]);
  const [challenge, setChallenge] = useState(false);
  const [objective, setObjective] = useState(engine.objectives[0]?.metric ?? metricNames[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedLesson | null>(null);
  const id = useId();
  const preview = useMemo(() => renderLessonMarkdown(instructions), [instructions]);

  const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  async function create() {
    setBusy(true);
    setError(null);
    const spec: LessonSpecInput = {
      ...base,
      title,
      instructions,
      questions: questions.split('\n').map((q) => q.trim()).filter((q) => q.length > 0),
      hidden: { controls: hiddenControls, metrics: hiddenMetrics },
      ...(challenge ? { challenge: { objective } } : {}),
    };
    try {
      const lesson = await createLesson(spec);
      rememberTeacherKey(lesson.id, lesson.teacherKey);
      setCreated(lesson);
    } catch (e) {
      setError(e instanceof LessonApiError ? e.message : `could not create the lesson: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  const link = created ? new URL(created.url, window.location.origin).toString() : null;
  return (
    <section className="make-lesson" data-testid="make-lesson-form">
      <header className="panel-head">
        <h2>Make a lesson from this lab</h2>
        <span className="muted small">
          {base.scenarios.length} scenario{base.scenarios.length === 1 ? '' : 's'} · the editor’s policy as the starter
          {base.compare && base.compare.length > 0 ? ` · compare with ${base.compare.join(', ')}` : ''} · seed {base.seed}
        </span>
        <button className="link" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="make-lesson-grid">
        <div className="make-lesson-fields">
          <label className="field">
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} data-testid="lesson-title-input" />
          </label>
          <label className="field">
            Instructions (Markdown)
            <textarea rows={8} value={instructions} onChange={(e) => setInstructions(e.target.value)} data-testid="lesson-text-input" />
          </label>
          <label className="field">
            Questions, one per line
            <textarea rows={3} value={questions} onChange={(e) => setQuestions(e.target.value)} data-testid="lesson-questions-input" />
          </label>
          <fieldset className="policies">
            <legend>Hide from students</legend>
            {HIDEABLE_CONTROLS.map((control) => (
              <label key={control} className="check">
                <input type="checkbox" checked={hiddenControls.includes(control)} onChange={() => setHiddenControls(toggle(hiddenControls, control))} data-testid={`hide-${control}`} />
                {CONTROL_LABELS[control]}
              </label>
            ))}
          </fieldset>
          <details className="policy-params">
            <summary>Hide single metrics</summary>
            <fieldset className="policies">
              <legend>Metrics</legend>
              {metricNames.map((name) => (
                <label key={name} className="check">
                  <input type="checkbox" checked={hiddenMetrics.includes(name)} onChange={() => setHiddenMetrics(toggle(hiddenMetrics, name))} data-testid={`hide-metric-${name}`} />
                  {name}
                </label>
              ))}
            </fieldset>
          </details>
          <div className="row">
            <label className="check">
              <input type="checkbox" checked={challenge} onChange={(e) => setChallenge(e.target.checked)} data-testid="lesson-challenge" />
              Challenge: students submit a policy, the server re-runs it on these scenarios and ranks it by
            </label>
            <label>
              <span className="sr-only">Challenge objective</span>
              <select value={objective} onChange={(e) => setObjective(e.target.value)} disabled={!challenge} aria-label="Challenge objective" data-testid="lesson-objective">
                {metricNames.map((name) => (
                  <option key={name} value={name}>
                    {name} ({engine.metrics[name as keyof typeof engine.metrics].direction === 'min' ? 'lower is better' : 'higher is better'})
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="row">
            <button className="primary" onClick={() => void create()} disabled={busy || title.trim() === '' || base.scenarios.length === 0} data-testid="lesson-create">
              {busy ? 'Creating…' : 'Create lesson link'}
            </button>
            {base.scenarios.length === 0 && <span className="muted">Choose a scenario first.</span>}
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {created && link && (
            <div className="lesson-created" role="status">
              <p>
                Lesson link: <a href={created.url} data-testid="lesson-link">{link}</a>{' '}
                <button onClick={() => void navigator.clipboard?.writeText(link)}>Copy</button>
              </p>
              <p className="muted small">
                The link never changes what it shows; edit and create again for a new version. Teacher key (kept in this
                browser; needed to close a challenge and export its results): <code id={`${id}-key`}>{created.teacherKey}</code>
              </p>
            </div>
          )}
        </div>
        <div className="make-lesson-preview">
          <h3 className="small muted">Preview</h3>
          <h2>{title || 'Untitled lesson'}</h2>
          <div className="lesson-text" dangerouslySetInnerHTML={{ __html: preview }} />
        </div>
      </div>
    </section>
  );
}
