import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import ts from 'typescript';
import { GENERATED_FILES, renderEditorSources, wrapPolicyApi } from '../../components/editor/generate-sources';
import { POLICY_API_DTS, POLICY_API_MODULE } from '../../components/editor/policy-api-source';
import { POLICY_TEMPLATES } from '../../components/editor/policy-templates';
import { POLICY_API_LIB_URI, POLICY_COMPILER_OPTIONS, VM_POLICY_API_LIB_URI } from '../../components/editor/policy-compiler-options';
import { VM_POLICY_API_DTS, VM_POLICY_API_MODULE } from '../../components/editor/vm-policy-api-source';
import { VM_POLICY_TEMPLATES } from '../../components/editor/vm-policy-templates';
import { BUILTIN_POLICIES } from '../../engine/jobshop/policies';
import { BUILTIN_POLICIES as VM_BUILTIN_POLICIES } from '../../engine/vm/policies';

const editorDir = new URL('../../components/editor/', import.meta.url);
const policiesDir = new URL('../../engine/jobshop/policies/', import.meta.url);
const vmPoliciesDir = new URL('../../engine/vm/policies/', import.meta.url);

describe('generated editor sources', () => {
  it('are current (run `npm run editor:types` after changing the policy API or a built-in policy)', async () => {
    const expected = await renderEditorSources();
    for (const file of GENERATED_FILES) {
      expect(readFileSync(new URL(file, editorDir), 'utf8'), `components/editor/${file} is out of date: npm run editor:types`).toBe(expected[file]);
    }
  });

  it('offer every built-in policy file as a template, in the CLI order, with its exact source', () => {
    const files = readdirSync(policiesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(POLICY_TEMPLATES.map((t) => t.file).sort()).toEqual(files.sort());
    expect(POLICY_TEMPLATES.map((t) => t.id)).toEqual(BUILTIN_POLICIES.map((p) => p.id));
    for (const template of POLICY_TEMPLATES) {
      const policy = BUILTIN_POLICIES.find((p) => p.id === template.id)!;
      expect(template).toMatchObject({ label: policy.label, description: policy.description });
      expect(template.source).toBe(readFileSync(new URL(template.file, policiesDir), 'utf8'));
    }
  });

  it('offer every built-in VM policy file as a VM template, in the CLI order, with its exact source', () => {
    const files = readdirSync(vmPoliciesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(VM_POLICY_TEMPLATES.map((t) => t.file).sort()).toEqual(files.sort());
    // One template per file (a file may define several policies, like kube-scheduler.ts): its default export, in
    // the CLI's order.
    const order = VM_BUILTIN_POLICIES.map((p) => p.id);
    const ranks = VM_POLICY_TEMPLATES.map((t) => order.indexOf(t.id));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    for (const template of VM_POLICY_TEMPLATES) {
      const policy = VM_BUILTIN_POLICIES.find((p) => p.id === template.id)!;
      expect(template).toMatchObject({ label: policy.label, description: policy.description });
      expect(template.source).toBe(readFileSync(new URL(template.file, vmPoliciesDir), 'utf8'));
    }
    expect(VM_POLICY_API_MODULE).toBe('schedlab/vm');
    expect(VM_POLICY_API_DTS).toMatch(/^\/\*\*\n \* SchedLab VM-rescheduling policy API\.[\s\S]*?\*\/\ndeclare module 'schedlab\/vm' \{\n/);
    expect(VM_POLICY_API_DTS).toContain('  export interface VmView {');
  });

  it('wraps the policy API as an ambient module, its header documenting the module', () => {
    expect(POLICY_API_MODULE).toBe('schedlab/jobshop');
    expect(POLICY_API_DTS).toMatch(/^\/\*\*\n \* SchedLab job-shop policy API\.[\s\S]*?\*\/\ndeclare module 'schedlab\/jobshop' \{\n/);
    expect(POLICY_API_DTS).toContain('  export interface JobShopView {');
    expect(() => wrapPolicyApi("import type { X } from './x';\nexport type Y = X;")).toThrow(/self-contained/);
  });
});

/** Type-checks policy files as the editor does: the editor's compiler options and the generated API declaration. */
function typeCheck(sources: Record<string, string>): { file: string; line: number; code: number; message: string }[] {
  // Both APIs, as the editor loads them.
  const files: Record<string, string> = {
    [new URL(POLICY_API_LIB_URI).pathname]: POLICY_API_DTS,
    [new URL(VM_POLICY_API_LIB_URI).pathname]: VM_POLICY_API_DTS,
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
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('a policy file under the editor compiler options', () => {
  it('every template type-checks clean', () => {
    const sources = Object.fromEntries(POLICY_TEMPLATES.map((t) => [t.file, t.source]));
    expect(typeCheck(sources)).toEqual([]);
  });

  it('every VM template type-checks clean beside the job-shop API, and VM mistakes are type errors', () => {
    const sources = Object.fromEntries(VM_POLICY_TEMPLATES.map((t) => [`vm-${t.file}`, t.source]));
    expect(typeCheck(sources)).toEqual([]);
    const problems = typeCheck({
      'bad-vm.ts': [
        "import type { VmPolicy } from 'schedlab/vm';",
        'const policy: VmPolicy = {',
        "  id: 'bad', label: 'Bad', description: 'x',",
        '  nextMigration: (view) => {',
        '    const pm: string = view.vmPm(0);',
        '    return view.nope();',
        '  },',
        '};',
        'export default policy;',
      ].join('\n'),
    });
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [5, 2322],
      [6, 2339],
    ]);
  });

  it('reports type errors and refuses the DOM', () => {
    const problems = typeCheck({
      'bad.ts': [
        "import type { JobShopPolicy } from 'schedlab/jobshop';",
        'const policy: JobShopPolicy = {',
        "  id: 'bad', label: 'Bad', description: 'x',",
        '  priority: (c, view) => {',
        '    const work: string = view.jobRemainingWork(c.job);',
        '    document.title = work;',
        '    return view.nope();',
        '  },',
        '};',
        'export default policy;',
      ].join('\n'),
    });
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [5, 2322],
      [6, 2584],
      [7, 2339],
    ]);
  });
});
