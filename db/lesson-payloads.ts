/**
 * Payloads of the lesson API (app/api/lessons): making a lesson, submitting to a challenge, closing it. One zod
 * schema per payload, shared by the route handlers and the classroom pages (components/classroom/lesson-api.ts).
 * zod only (and payloads.ts's text helpers), so it bundles for the browser.
 */
import { z } from 'zod';
import { LESSON_LIMITS, POLICY_FILE_NAME, STORED_LESSON_ID, BUILTIN_LESSON_ID, type LessonRecord } from './lesson-spec';
import { RECORD_KEY, text } from './payloads';
import { SWEEP_LIMITS } from './sweep-spec';

/** Request bodies: a lesson may carry ten inline scenarios and a starter source; a submission one policy source. */
export const LESSON_BODY_LIMITS = {
  lesson: 4 * 1024 * 1024,
  submission: 1024 * 1024,
  close: 4 * 1024,
} as const;

export function isLessonId(id: string): boolean {
  return STORED_LESSON_ID.test(id) || BUILTIN_LESSON_ID.test(id);
}

/** POST /api/lessons: the spec is checked by validateLessonSpec (db/lesson-validate.ts), which names each field. */
export const CreateLessonPayloadSchema = z.object({ spec: z.unknown() }).strict();
export type CreateLessonPayload = z.infer<typeof CreateLessonPayloadSchema>;

// A display name is shown to a whole class: no control characters, and no bidirectional overrides, which would let
// one name render as another's.
const CONTROL = /\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LESSON_LIMITS.displayName, `must be at most ${LESSON_LIMITS.displayName} characters`)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters')
  .refine((s) => !BIDI_CONTROL.test(s), 'must not contain bidirectional control characters')
  .pipe(text(LESSON_LIMITS.displayName, 1));

/** What a student submits: a built-in of the engine by id, or a policy file (TypeScript, default export). */
export const SubmissionPolicySchema = z.union([
  z.object({ builtin: text(100, 1) }).strict(),
  z.object({ source: text(SWEEP_LIMITS.policySource, 1), fileName: z.string().regex(POLICY_FILE_NAME, 'must be a .ts file name (letters, digits, _ . -)') }).strict(),
]);
export type SubmissionPolicy = z.infer<typeof SubmissionPolicySchema>;

/** POST /api/lessons/[id]/submissions. `claimed` is the client's own metrics: stored to show, never scored. */
export const SubmitPayloadSchema = z
  .object({
    displayName: DisplayNameSchema,
    policy: SubmissionPolicySchema,
    claimed: z
      .record(RECORD_KEY, z.number())
      .refine((r) => Object.keys(r).length <= 100, 'must have at most 100 entries')
      .optional(),
  })
  .strict();
export type SubmitPayload = z.infer<typeof SubmitPayloadSchema>;

/** A teacher key as saveLesson hands it out: 32 hex digits. */
export const TEACHER_KEY = /^[0-9a-f]{32}$/;

/** POST /api/lessons/[id]/close. */
export const ClosePayloadSchema = z.object({ teacherKey: z.string().max(200) }).strict();
export type ClosePayload = z.infer<typeof ClosePayloadSchema>;

/** POST /api/lessons -> 201. */
export interface CreateLessonResponse {
  readonly id: string;
  readonly url: string;
  /** Shown once: closes the challenge and exports its results. Only its hash is stored. */
  readonly teacherKey: string;
}

/** GET /api/lessons -> 200 { lessons: LessonSummary[] }: the built-ins, then the newest stored lessons. */
export interface LessonSummary {
  readonly id: string;
  readonly builtin: boolean;
  readonly engine: string;
  readonly title: string;
  readonly challenge: boolean;
  readonly closed?: boolean;
  /** ISO 8601; stored lessons only. */
  readonly createdAt?: string;
}

/** A re-run's error as the API shows it: the first failed run's, with where it failed. */
export interface SubmissionError {
  readonly kind: string;
  readonly message: string;
  readonly line?: number;
  readonly scenario?: string;
  readonly seed?: number;
}

/** One leaderboard row; a failed submission has no rank and no score and comes after every ranked one. */
export interface LeaderboardEntry {
  readonly rank: number | null;
  readonly displayName: string;
  readonly score: number | null;
  readonly status: 'done' | 'failed';
  readonly error: SubmissionError | null;
  /** ISO 8601. */
  readonly submittedAt: string;
}

/** GET /api/lessons/[id]/leaderboard -> 200. */
export interface Leaderboard {
  readonly objective: string;
  readonly direction: 'min' | 'max';
  readonly closed: boolean;
  readonly entries: readonly LeaderboardEntry[];
}

export type { LessonRecord };
