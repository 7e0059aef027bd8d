'use client';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type * as MonacoApi from 'monaco-editor/editor';
import type { EditorDiagnostic, EditorMarker } from './types';

export type { EditorDiagnostic, EditorMarker } from './types';

type Monaco = typeof MonacoApi;
type CodeEditor = MonacoApi.editor.IStandaloneCodeEditor;
type TextModel = MonacoApi.editor.ITextModel;

export interface PolicyEditorProps {
  /** The policy source (controlled). */
  value: string;
  /** Called with the whole source on every edit. */
  onChange(source: string): void;
  /** Compile and run-time errors of the last run, shown on their lines next to Monaco's own type errors. */
  markers?: readonly EditorMarker[];
  /** Ctrl/Cmd+Enter in the editor. */
  onRun?(): void;
  /** Esc in the editor (when no suggestion list, find box or hint is open: Esc closes those first). */
  onStop?(): void;
  readOnly?: boolean;
  /** CSS height of the editor; default 420 (px). */
  height?: number | string;
  /**
   * File name of the model ("policy.ts"): shown in TypeScript's messages and used in the model's URI. Give each
   * editor on one page its own name.
   */
  path?: string;
  /** Monaco's type errors and warnings for the source (not hints), each time they change (e.g. "2 type errors"). */
  onDiagnostics?(diagnostics: EditorDiagnostic[]): void;
  ariaLabel?: string;
  className?: string;
  style?: CSSProperties;
}

/** Owner of the run markers in Monaco (Monaco's TypeScript service uses "typescript"). */
export const RUN_MARKER_OWNER = 'schedlab-run';

type Status = 'loading' | 'ready' | 'failed';

/**
 * Esc stops runs only when it has nothing of the editor's own to close (suggestions, find box, parameter hints,
 * ...). A plain hover is not one of them: Monaco hides it on any key before keybindings run, so Esc both hides it
 * and stops.
 */
const ESC_FREE = [
  'suggestWidgetVisible',
  'editorHoverVisible',
  'findWidgetVisible',
  'parameterHintsVisible',
  'renameInputVisible',
  'referenceSearchVisible',
  'markersNavigationVisible',
  'standaloneColorPickerVisible',
  'accessibilityHelpWidgetVisible',
  'inSnippetMode',
  'editorHasMultipleSelections',
]
  .map((key) => `!${key}`)
  .join(' && ');

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}

function toMonacoMarkers(monaco: Monaco, model: TextModel, markers: readonly EditorMarker[]): MonacoApi.editor.IMarkerData[] {
  const lastLine = model.getLineCount();
  return markers.map((m) => {
    const line = clamp(Math.floor(Number.isFinite(m.line) ? m.line : 1), 1, lastLine);
    const maxColumn = model.getLineMaxColumn(line);
    let startColumn: number;
    let endColumn: number;
    if (m.column !== undefined && Number.isFinite(m.column)) {
      startColumn = clamp(Math.floor(m.column), 1, maxColumn);
      const word = model.getWordAtPosition({ lineNumber: line, column: startColumn });
      endColumn = word ? Math.max(word.endColumn, startColumn + 1) : Math.min(startColumn + 1, maxColumn);
      if (word) startColumn = word.startColumn;
    } else {
      startColumn = model.getLineFirstNonWhitespaceColumn(line) || 1;
      endColumn = model.getLineLastNonWhitespaceColumn(line) || maxColumn;
    }
    if (endColumn <= startColumn) endColumn = maxColumn > startColumn ? maxColumn : startColumn + 1;
    return {
      severity: m.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
      message: m.message,
      source: 'run',
      startLineNumber: line,
      startColumn,
      endLineNumber: line,
      endColumn,
    };
  });
}

function toDiagnostic(monaco: Monaco, m: MonacoApi.editor.IMarker): EditorDiagnostic {
  const code = typeof m.code === 'string' ? m.code : m.code?.value;
  return {
    line: m.startLineNumber,
    column: m.startColumn,
    endLine: m.endLineNumber,
    endColumn: m.endColumn,
    message: m.message,
    severity: m.severity >= monaco.MarkerSeverity.Error ? 'error' : 'warning',
    ...(code !== undefined ? { code } : {}),
  };
}

let modelCounter = 0;

const NO_MARKERS: readonly EditorMarker[] = [];

/**
 * The policy editor: Monaco with TypeScript, the policy API (`import type { ... } from 'schedlab/jobshop'`) loaded
 * for completion, hover documentation and type errors, and the errors of runs as markers. Monaco is loaded in the
 * browser only, after mount; until then (and if it fails to load) a plain textarea edits the same value.
 */
export function PolicyEditor({
  value,
  onChange,
  markers = NO_MARKERS,
  onRun,
  onStop,
  readOnly = false,
  height = 420,
  path = 'policy.ts',
  onDiagnostics,
  ariaLabel = 'Policy source (TypeScript)',
  className,
  style,
}: PolicyEditorProps) {
  const [status, setStatus] = useState<Status>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const editorRef = useRef<CodeEditor | null>(null);
  const modelRef = useRef<TextModel | null>(null);
  const applyingValue = useRef(false);
  /** The last source this editor reported through onChange. */
  const emitted = useRef<string | null>(null);
  const appliedMarkers = useRef('[]');
  const reportedDiagnostics = useRef<string | null>(null);

  // Latest props for Monaco's callbacks, which are registered once.
  const latest = useRef({ value, onChange, onRun, onStop, onDiagnostics, readOnly });
  latest.current = { value, onChange, onRun, onStop, onDiagnostics, readOnly };

  useEffect(() => {
    let disposed = false;
    const disposables: { dispose(): void }[] = [];
    import('./monaco-setup')
      .then(({ setupMonaco }) => {
        const container = containerRef.current;
        if (disposed || !container) return;
        const monaco = setupMonaco();
        const name = path.replace(/^\/+/, '');
        let uri = monaco.Uri.parse(`file:///${name}`);
        // Another editor (or a remount under StrictMode) may hold this name: each editor gets its own model.
        while (monaco.editor.getModel(uri)) uri = monaco.Uri.parse(`file:///${++modelCounter}/${name}`);
        const model = monaco.editor.createModel(latest.current.value, 'typescript', uri);
        model.updateOptions({ tabSize: 2, insertSpaces: true });
        const editor = monaco.editor.create(container, {
          model,
          readOnly: latest.current.readOnly,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
          fixedOverflowWidgets: true,
          renderLineHighlight: 'line',
          // On Linux Monaco dims the number of the empty last line to 40% opacity, below WCAG AA contrast; the same
          // rendering on every platform also keeps screenshots comparable.
          renderFinalNewline: 'on',
          ariaLabel,
        });
        disposables.push(
          model.onDidChangeContent(() => {
            if (applyingValue.current) return;
            const source = model.getValue();
            emitted.current = source;
            latest.current.onChange(source);
          }),
          editor.addAction({
            id: 'schedlab.run',
            label: 'Run policy',
            keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
            contextMenuGroupId: 'navigation',
            contextMenuOrder: 0,
            run: () => latest.current.onRun?.(),
          }),
          editor.addAction({
            id: 'schedlab.stop',
            label: 'Stop runs',
            keybindings: [monaco.KeyCode.Escape],
            keybindingContext: ESC_FREE,
            contextMenuGroupId: 'navigation',
            contextMenuOrder: 1,
            run: () => latest.current.onStop?.(),
          }),
          monaco.editor.onDidChangeMarkers((uris) => {
            const report = latest.current.onDiagnostics;
            if (!report || !uris.some((u) => u.toString() === model.uri.toString())) return;
            const own = monaco.editor
              .getModelMarkers({ resource: model.uri })
              // Hints (unused names, drawn faded) and infos are not problems.
              .filter((m) => m.owner !== RUN_MARKER_OWNER && m.severity >= monaco.MarkerSeverity.Warning)
              .map((m) => toDiagnostic(monaco, m));
            // Only real changes: a parent that re-renders on every report must not loop.
            const key = JSON.stringify(own);
            if (key === reportedDiagnostics.current) return;
            reportedDiagnostics.current = key;
            report(own);
          }),
        );
        // Keep the caret where it was in the textarea, if the user was typing there.
        const textarea = textareaRef.current;
        if (textarea && document.activeElement === textarea) {
          editor.setPosition(model.getPositionAt(textarea.selectionStart));
          editor.focus();
        }
        monacoRef.current = monaco;
        editorRef.current = editor;
        modelRef.current = model;
        disposables.push(model, editor); // disposed in reverse: the editor, then its model
        setStatus('ready');
      })
      .catch((error: unknown) => {
        if (disposed) return;
        console.error('PolicyEditor: Monaco failed to load; using a plain text area', error);
        setLoadError(error instanceof Error ? error.message : String(error));
        setStatus('failed');
      });
    return () => {
      disposed = true;
      for (const d of disposables.reverse()) d.dispose();
      monacoRef.current = null;
      editorRef.current = null;
      modelRef.current = null;
      appliedMarkers.current = '[]';
      reportedDiagnostics.current = null;
    };
    // The editor is created once per path; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  // A value from outside (template, restored draft, fork): replace the text as one undoable edit. A layout effect, so
  // no keystroke lands between a render and this check; and the echo of what the editor itself reported is never
  // written back (with fast typing the model may already be a few characters ahead of it).
  useLayoutEffect(() => {
    const model = modelRef.current;
    if (!model || value === emitted.current || model.getValue() === value) return;
    applyingValue.current = true;
    emitted.current = null;
    try {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    } finally {
      applyingValue.current = false;
    }
  }, [value, status]);

  useLayoutEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly, status]);

  // Run markers (Monaco's own type markers have their own owner and stay).
  useEffect(() => {
    const monaco = monacoRef.current;
    const model = modelRef.current;
    if (!monaco || !model) return;
    // Compared by content: `markers={[]}` written inline is a new array on every render.
    const key = JSON.stringify(markers);
    if (key === appliedMarkers.current) return;
    appliedMarkers.current = key;
    monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, toMonacoMarkers(monaco, model, markers));
  }, [markers, status]);

  const onTextareaKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRun?.();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onStop?.();
    }
  };

  const ready = status === 'ready';
  return (
    <div
      className={className}
      data-editor-status={status}
      data-readonly={readOnly ? 'true' : undefined}
      style={{ position: 'relative', height, border: '1px solid var(--line, #e2e2e0)', background: '#fff', ...style }}
    >
      <div ref={containerRef} data-testid="policy-editor-monaco" style={{ position: 'absolute', inset: 0 }} />
      {!ready && (
        <div style={{ position: 'absolute', inset: 0, display: 'flex', flexDirection: 'column', background: '#fff' }}>
          <textarea
            ref={textareaRef}
            aria-label={ariaLabel}
            data-testid="policy-editor-fallback"
            value={value}
            readOnly={readOnly}
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={onTextareaKey}
            style={{
              flex: 1,
              width: '100%',
              resize: 'none',
              border: 'none',
              outline: 'none',
              padding: '4px 8px',
              fontFamily: 'var(--mono, ui-monospace, Menlo, Consolas, monospace)',
              fontSize: 13,
              lineHeight: '19px',
              tabSize: 2,
              whiteSpace: 'pre',
            }}
          />
          {(status === 'failed' || markers.length > 0) && (
            <div role="status" style={{ borderTop: '1px solid var(--line, #e2e2e0)', padding: '4px 8px', fontSize: 12 }}>
              {status === 'failed' && <div style={{ color: 'var(--muted, #6b6b70)' }}>Code editor unavailable ({loadError}); plain text mode.</div>}
              {markers.map((m, i) => (
                <div key={i} style={{ color: m.severity === 'error' ? 'var(--danger, #b42318)' : '#8a6100' }}>
                  line {m.line}
                  {m.column !== undefined ? `:${m.column}` : ''}: {m.message}
                </div>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

export default PolicyEditor;
