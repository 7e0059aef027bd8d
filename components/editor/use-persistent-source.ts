'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/** Prefix of the localStorage keys of editor drafts. */
export const DRAFT_KEY_PREFIX = 'schedlab:draft:';

/** How long typing must pause before the draft is written. */
export const DRAFT_SAVE_DELAY_MS = 400;

export interface PersistentSourceState {
  /** A stored draft replaced `initial` (after the first render in the browser). */
  readonly restored: boolean;
  /** Back to `initial`, and the stored draft removed. */
  discard(): void;
  /** Writes a pending change now (it is also written on unmount and when the page is hidden). */
  flush(): void;
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined; // storage disabled (privacy settings, sandboxed frame)
  }
}

export function readDraft(key: string): string | undefined {
  try {
    return storage()?.getItem(DRAFT_KEY_PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, source: string | undefined): void {
  try {
    const store = storage();
    if (!store) return;
    if (source === undefined) store.removeItem(DRAFT_KEY_PREFIX + key);
    else store.setItem(DRAFT_KEY_PREFIX + key, source);
  } catch {
    // Quota exceeded or storage disabled: the draft lives on in memory; nothing to tell the user mid-typing.
  }
}

/**
 * A policy source kept in localStorage under `key` while the user types (debounced), so a reload brings it back;
 * `initial` is used when nothing is stored. The first render always uses `initial` (the server has no storage),
 * and the stored draft replaces it in an effect, so server and client render the same markup.
 *
 * ```tsx
 * const [source, setSource, draft] = usePersistentSource('lab:jobshop', templates[0].source);
 * <PolicyEditor value={source} onChange={setSource} ... />
 * ```
 */
export function usePersistentSource(
  key: string,
  initial: string,
): [source: string, setSource: (source: string) => void, state: PersistentSourceState] {
  const [source, setSourceState] = useState(initial);
  const [restored, setRestored] = useState(false);
  const pending = useRef<{ key: string; source: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const initialRef = useRef(initial);
  initialRef.current = initial;

  const flush = useCallback(() => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const p = pending.current;
    pending.current = null;
    if (p) writeDraft(p.key, p.source);
  }, []);

  // Load the draft of this key (again when the key changes); write what is pending for the old key first.
  useEffect(() => {
    const stored = readDraft(key);
    setSourceState(stored ?? initialRef.current);
    setRestored(stored !== undefined);
    return flush;
  }, [key, flush]);

  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  const setSource = useCallback(
    (next: string) => {
      setSourceState(next);
      pending.current = { key, source: next };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    [key, flush],
  );

  const discard = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    writeDraft(key, undefined);
    setSourceState(initialRef.current);
    setRestored(false);
  }, [key]);

  return [source, setSource, { restored, discard, flush }];
}
