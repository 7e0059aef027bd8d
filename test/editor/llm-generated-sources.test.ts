import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LLM_POLICY_API_DTS, LLM_POLICY_API_MODULE } from '../../components/editor/llm-policy-api-source';
import { LLM_POLICY_TEMPLATES } from '../../components/editor/llm-policy-templates';
import { LLM_POLICY_API_LIB_URI, POLICY_API_LIB_URI, POLICY_COMPILER_OPTIONS, VM_POLICY_API_LIB_URI } from '../../components/editor/policy-compiler-options';
import { POLICY_API_DTS } from '../../components/editor/policy-api-source';
import { VM_POLICY_API_DTS } from '../../components/editor/vm-policy-api-source';
import { BUILTIN_POLICIES } from '../../engine/llm/policies';

// The LLM engine in the editor: 'schedlab/llm' declared for Monaco, and every built-in LLM policy as a template
// that type-checks under the editor's options beside the other engines' APIs (as the editor loads them all).

const llmPoliciesDir = new URL('../../engine/llm/policies/', import.meta.url);

function typeCheck(sources: Record<string, string>): { line: number; code: number }[] {
  const files: Record<string, string> = {
    [new URL(POLICY_API_LIB_URI).pathname]: POLICY_API_DTS,
    [new URL(VM_POLICY_API_LIB_URI).pathname]: VM_POLICY_API_DTS,
    [new URL(LLM_POLICY_API_LIB_URI).pathname]: LLM_POLICY_API_DTS,
  };
  for (const [name, text] of Object.entries(sources)) files[`/src/${name}`] = text;
  const options: ts.CompilerOptions = { ...(POLICY_COMPILER_OPTIONS as unknown as ts.CompilerOptions), lib: [...POLICY_COMPILER_OPTIONS.lib], types: [] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (name) => name in files || fileExists(name);
  host.getSourceFile = ((getSourceFile) => (name, language, ...rest) =>
    name in files ? ts.createSourceFile(name, files[name], language) : getSourceFile(name, language, ...rest))(host.getSourceFile.bind(host));
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({ line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0, code: d.code }));
}

describe('the LLM policy API and templates in the editor', () => {
  it('declares the module schedlab/llm', () => {
    expect(LLM_POLICY_API_MODULE).toBe('schedlab/llm');
    expect(LLM_POLICY_API_DTS).toContain("declare module 'schedlab/llm' {");
    expect(LLM_POLICY_API_DTS).toContain('export interface LlmPolicy');
  });

  it('offers every built-in LLM policy file as a template, in the CLI order, with its exact source', () => {
    const files = readdirSync(llmPoliciesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(LLM_POLICY_TEMPLATES.map((t) => t.file).sort()).toEqual(files.sort());
    expect(LLM_POLICY_TEMPLATES.map((t) => t.id)).toEqual(BUILTIN_POLICIES.map((p) => p.id));
    for (const template of LLM_POLICY_TEMPLATES) expect(template.source).toBe(readFileSync(new URL(template.file, llmPoliciesDir), 'utf8'));
  });

  it('every LLM template type-checks clean beside the other APIs, and LLM mistakes are type errors', () => {
    expect(typeCheck(Object.fromEntries(LLM_POLICY_TEMPLATES.map((t) => [`llm-${t.file}`, t.source])))).toEqual([]);
    const bad = [
      "import type { LlmPolicy } from 'schedlab/llm';",
      'const policy: LlmPolicy = {',
      "  id: 'bad', label: 'Bad', description: 'x',",
      '  dispatch: (view) => {',
      "    const k: string = view.replicaCount;",
      '    return view.nope();',
      '  },',
      '};',
      'export default policy;',
    ].join('\n');
    expect(typeCheck({ 'bad-llm.ts': bad }).map((p) => [p.line, p.code])).toEqual([
      [5, 2322],
      [6, 2339],
    ]);
  });
});
