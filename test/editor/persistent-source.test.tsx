// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { DRAFT_KEY_PREFIX, DRAFT_SAVE_DELAY_MS, usePersistentSource } from '../../components/editor/use-persistent-source';

describe('usePersistentSource', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('starts from the initial source and stores edits after a pause in typing', () => {
    const { result } = renderHook(() => usePersistentSource('lab', 'initial'));
    expect(result.current[0]).toBe('initial');
    expect(result.current[2].restored).toBe(false);
    act(() => result.current[1]('a'));
    act(() => result.current[1]('ab'));
    expect(result.current[0]).toBe('ab');
    expect(localStorage.getItem(`${DRAFT_KEY_PREFIX}lab`)).toBeNull();
    act(() => vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS));
    expect(localStorage.getItem(`${DRAFT_KEY_PREFIX}lab`)).toBe('ab');
  });

  it('restores a stored draft, and discard goes back to the initial source', () => {
    localStorage.setItem(`${DRAFT_KEY_PREFIX}lab`, 'my draft');
    const { result } = renderHook(() => usePersistentSource('lab', 'initial'));
    expect(result.current[0]).toBe('my draft');
    expect(result.current[2].restored).toBe(true);
    act(() => result.current[2].discard());
    expect(result.current[0]).toBe('initial');
    expect(result.current[2].restored).toBe(false);
    expect(localStorage.getItem(`${DRAFT_KEY_PREFIX}lab`)).toBeNull();
  });

  it('writes a pending edit at once when unmounted or when the page is hidden', () => {
    const { result, unmount } = renderHook(() => usePersistentSource('lab', 'initial'));
    act(() => result.current[1]('typed'));
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(`${DRAFT_KEY_PREFIX}lab`)).toBe('typed');
    act(() => result.current[1]('typed more'));
    unmount();
    expect(localStorage.getItem(`${DRAFT_KEY_PREFIX}lab`)).toBe('typed more');
  });

  it('keeps one draft per key', () => {
    localStorage.setItem(`${DRAFT_KEY_PREFIX}b`, 'draft of b');
    const { result, rerender } = renderHook(({ key }) => usePersistentSource(key, `initial of ${key}`), { initialProps: { key: 'a' } });
    act(() => result.current[1]('edit of a'));
    rerender({ key: 'b' });
    expect(result.current[0]).toBe('draft of b');
    expect(localStorage.getItem(`${DRAFT_KEY_PREFIX}a`)).toBe('edit of a');
  });

  it('survives storage that throws', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { result } = renderHook(() => usePersistentSource('lab', 'initial'));
    act(() => result.current[1]('x'));
    expect(() => act(() => vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS))).not.toThrow();
    expect(result.current[0]).toBe('x');
    setItem.mockRestore();
  });
});
