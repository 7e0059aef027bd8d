import type { Page } from 'playwright-core';
import { findBuiltinLesson } from '../../db/lessons';
import { resolveLesson } from '../../db/lesson-runs';
import { lessonRunRequest } from '../../components/classroom/lesson-run';
import { lessonSweepPolicy } from '../../components/classroom/lesson-policies';
import type { RunRequest } from '../../workers/browser/run-protocol';
import type { StepFrame } from '../../workers/browser/step-protocol';
import { openStepSession } from '../../workers/browser/step-session';

/** The request a built-in lesson's page makes for one of its policies, built in Node by the page's own code. */
export function builtinLessonRequest(lessonId: string, policyKey: string, scenarioIndex = 0): RunRequest {
  const lesson = findBuiltinLesson(lessonId);
  if (!lesson) throw new Error(`no built-in lesson ${lessonId}`);
  const resolved = resolveLesson(lesson.spec);
  const editorShown = !lesson.spec.hidden.controls.includes('editor');
  const policy = lessonSweepPolicy(lesson.spec, policyKey, editorShown, '');
  return lessonRunRequest({ engine: lesson.spec.engine, scenarios: resolved.scenarios, seed: lesson.spec.seed, options: resolved.options }, scenarioIndex, policy, 'node');
}

/** The frame after `decision` decisions of that run, computed in Node with the engine's step-wise form. */
export function nodeFrame(request: RunRequest, decision: number): { frame: StepFrame; total: number } {
  const opened = openStepSession(request);
  if (!opened.ok) throw new Error(opened.failure.message);
  const frame = opened.value.goTo(decision);
  if (!frame.ok) throw new Error(frame.failure.message);
  return { frame: frame.value, total: opened.value.info.totalDecisions };
}

/** Waits until the player shows decision `n`. */
export async function waitForDecision(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelector('[data-testid="step-player"]')?.getAttribute('data-decision') === String(want), n, { timeout: 30_000 });
}

/** The controls a lesson page shows, by their data-control names, sorted. */
export async function shownControls(page: Page): Promise<string[]> {
  const names = await page.locator('[data-control]').evaluateAll((els) => els.map((e) => e.getAttribute('data-control') ?? ''));
  return [...new Set(names)].sort();
}

/** True when nothing on the page is wider than the window (no sideways scrolling). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
