// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { playTick, stepKeyAction, type StepKeyEvent } from '../../../components/classroom/step-shortcuts';

function key(k: string, target: EventTarget | null = document.body, extra: Partial<StepKeyEvent> = {}): StepKeyEvent {
  return { key: k, target, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, defaultPrevented: false, ...extra };
}

function element(html: string, selector: string): Element {
  document.body.innerHTML = html;
  return document.body.querySelector(selector)!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('stepKeyAction', () => {
  it('maps Right, Left and Space on the page to step, back and play/pause', () => {
    expect(stepKeyAction(key('ArrowRight'))).toBe('forward');
    expect(stepKeyAction(key('ArrowLeft'))).toBe('back');
    expect(stepKeyAction(key(' '))).toBe('toggle');
    expect(stepKeyAction(key('ArrowUp'))).toBeNull();
    expect(stepKeyAction(key('Enter'))).toBeNull();
  });

  it('leaves every key to text inputs, textareas, selects, contenteditable and the Monaco editor', () => {
    const targets = [
      element('<input type="text">', 'input'),
      element('<input type="number">', 'input'),
      element('<input>', 'input'),
      element('<textarea></textarea>', 'textarea'),
      element('<select><option>a</option></select>', 'select'),
      element('<div contenteditable="true"><span>x</span></div>', 'span'),
      element('<div class="monaco-editor"><div class="view-lines"><span>code</span></div></div>', 'span'),
    ];
    for (const target of targets) {
      for (const k of ['ArrowRight', 'ArrowLeft', ' ']) expect(stepKeyAction(key(k, target)), `${target.outerHTML} ${k}`).toBeNull();
    }
  });

  it('leaves Space to a focused button or checkbox and the arrows to a slider, but takes the other keys there', () => {
    const button = element('<button>Step</button>', 'button');
    expect(stepKeyAction(key(' ', button))).toBeNull();
    expect(stepKeyAction(key('ArrowRight', button))).toBe('forward');
    const checkbox = element('<input type="checkbox">', 'input');
    expect(stepKeyAction(key(' ', checkbox))).toBeNull();
    const slider = element('<input type="range">', 'input');
    expect(stepKeyAction(key('ArrowLeft', slider))).toBeNull();
    expect(stepKeyAction(key(' ', slider))).toBe('toggle');
  });

  it('ignores keys with a modifier and keys a widget has handled', () => {
    expect(stepKeyAction(key('ArrowLeft', document.body, { altKey: true }))).toBeNull();
    expect(stepKeyAction(key('ArrowRight', document.body, { ctrlKey: true }))).toBeNull();
    expect(stepKeyAction(key('ArrowRight', document.body, { shiftKey: true }))).toBeNull();
    expect(stepKeyAction(key('ArrowRight', document.body, { defaultPrevented: true }))).toBeNull();
  });
});

describe('playTick', () => {
  it('advances once the frame asked for has arrived, waits while it travels, stops at the end', () => {
    expect(playTick({ frameDecision: 2, target: 2, loading: false, total: 5 })).toBe('advance');
    expect(playTick({ frameDecision: 2, target: 3, loading: true, total: 5 })).toBe('wait');
    expect(playTick({ frameDecision: 4, target: 5, loading: true, total: 5 })).toBe('wait');
    expect(playTick({ frameDecision: 5, target: 5, loading: false, total: 5 })).toBe('stop');
    expect(playTick({ frameDecision: 0, target: 0, loading: false, total: 0 })).toBe('stop');
  });
});
