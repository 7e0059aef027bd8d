import type { ScenarioChoice } from '../state/lab-types';

/**
 * Fork hands a stored experiment to the lab through sessionStorage: the lab picks it up once on mount. The policy
 * source goes into the lab's editor draft, where the user's own edits would also live.
 */
const FORK_KEY = 'schedlab:fork';

export interface ForkedLab {
  readonly scenarios: ScenarioChoice[];
  readonly builtinIds: string[];
  readonly source?: string;
  readonly seed: number;
}

export function writeFork(fork: ForkedLab): void {
  sessionStorage.setItem(FORK_KEY, JSON.stringify(fork));
}

export function takeFork(): ForkedLab | null {
  try {
    const raw = sessionStorage.getItem(FORK_KEY);
    sessionStorage.removeItem(FORK_KEY);
    return raw ? (JSON.parse(raw) as ForkedLab) : null;
  } catch {
    return null;
  }
}
