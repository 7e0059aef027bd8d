'use client';
import { useCallback, useEffect, useState } from 'react';
import type { Challenge } from '../../db/lesson-spec';
import {
  closeChallenge,
  fetchLeaderboard,
  LessonApiError,
  resultsCsvUrl,
  submitToChallenge,
  teacherKeyOf,
  type Leaderboard,
  type SubmissionPolicy,
} from './lesson-api';
import { TableScroll } from '../lab/table-scroll';

const NAME_KEY = 'schedlab.display-name';

const formatScore = (score: number | null) => (score === null ? '' : Number.isInteger(score) ? String(score) : score.toFixed(3));

/**
 * A challenge's submit form and leaderboard. What is submitted is the policy source; the server runs it itself on
 * the challenge's scenarios and ranks by its own numbers. The metrics the tab computed go along as a claim, which
 * the server keeps only to show it when it differs. The teacher who made the lesson (whose browser holds its key)
 * can close the challenge and download its results as CSV.
 */
export function ChallengePanel({
  lessonId,
  challenge,
  scenarioCount,
  policy,
  claimed,
  initiallyClosed,
}: {
  lessonId: string;
  challenge: Challenge;
  scenarioCount: number;
  /** The policy Submit sends (the editor's source); null when the lesson gives nothing to submit. */
  policy: SubmissionPolicy | null;
  claimed?: Readonly<Record<string, number>>;
  initiallyClosed: boolean;
}) {
  const [board, setBoard] = useState<Leaderboard | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [teacherKey, setTeacherKey] = useState<string | null>(null);
  const closed = board?.closed ?? initiallyClosed;

  const refresh = useCallback(async () => {
    try {
      setBoard(await fetchLeaderboard(lessonId));
    } catch (e) {
      setMessage({ text: `could not load the leaderboard: ${(e as Error).message}`, error: true });
    }
  }, [lessonId]);

  useEffect(() => {
    void refresh();
    setTeacherKey(teacherKeyOf(lessonId));
    try {
      setName(localStorage.getItem(NAME_KEY) ?? '');
    } catch {
      // no storage: the name starts empty
    }
  }, [lessonId, refresh]);

  async function submit() {
    if (!policy) return;
    setBusy(true);
    setMessage({ text: 'The server is running your policy on every challenge scenario…', error: false });
    try {
      localStorage.setItem(NAME_KEY, name.trim());
    } catch {
      // not remembered; the submission still goes
    }
    try {
      const { rank } = await submitToChallenge(lessonId, name.trim(), policy, claimed);
      setMessage({ text: rank === null ? 'Submitted, but the run failed: see the leaderboard.' : `Submitted: rank ${rank}.`, error: rank === null });
    } catch (e) {
      setMessage({ text: e instanceof LessonApiError ? e.message : (e as Error).message, error: true });
    } finally {
      setBusy(false);
      void refresh();
    }
  }

  async function close() {
    if (!teacherKey) return;
    try {
      await closeChallenge(lessonId, teacherKey);
      await refresh();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  const direction = board?.direction === 'max' ? 'higher is better' : 'lower is better';
  return (
    <section className="panel" aria-label="Challenge" data-control="challenge">
      <header className="panel-head">
        <h2>Challenge</h2>
        <span className="muted">
          ranked by mean <strong>{challenge.objective}</strong> ({direction}) over {scenarioCount} scenario{scenarioCount === 1 ? '' : 's'} ×{' '}
          {challenge.seeds.length} seed{challenge.seeds.length === 1 ? '' : 's'}, as the server computes it
        </span>
        {closed && <strong data-testid="challenge-closed">Closed</strong>}
      </header>
      {!closed && (
        <div className="row">
          <label>
            Display name{' '}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} data-testid="challenge-name" />
          </label>
          <button className="primary" onClick={() => void submit()} disabled={busy || !policy || name.trim() === ''} data-testid="challenge-submit">
            {busy ? 'Running on the server…' : 'Submit my policy'}
          </button>
        </div>
      )}
      {message && (
        <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <TableScroll label="Leaderboard table">
        <table className="results compact" data-testid="leaderboard">
          <caption className="sr-only">Leaderboard</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Name</th>
              <th scope="col">{challenge.objective}</th>
              <th scope="col">Submitted</th>
            </tr>
          </thead>
          <tbody>
            {(board?.entries ?? []).map((entry, i) => (
              <tr key={`${entry.displayName}-${entry.submittedAt}-${i}`} data-rank={entry.rank ?? ''}>
                <td className="num">{entry.rank ?? '—'}</td>
                <td>{entry.displayName}</td>
                <td className="num">{entry.status === 'done' ? formatScore(entry.score) : <span className="error">failed: {entry.error?.message}</span>}</td>
                <td className="nowrap">{entry.submittedAt.slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {board && board.entries.length === 0 && <p className="muted">No submissions yet.</p>}
      </TableScroll>
      {teacherKey && (
        <div className="row" aria-label="Teacher">
          <span className="muted small">You made this lesson:</span>
          {!closed && (
            <button onClick={() => void close()} data-testid="challenge-close">
              Close the challenge
            </button>
          )}
          <a href={resultsCsvUrl(lessonId, teacherKey)} download data-testid="challenge-csv">
            Download results (CSV)
          </a>
        </div>
      )}
    </section>
  );
}
