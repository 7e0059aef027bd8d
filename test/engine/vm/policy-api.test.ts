import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ParameterSpec } from '../../../engine/core/params';
import type { PolicyMeta } from '../../../engine/core/policy';
import { findEngine } from '../../../engine';
import type { PolicyParameter, VmPolicy } from '../../../engine/vm/policy-api';
import { BUILTIN_POLICIES, findBuiltinPolicy } from '../../../engine/vm/policies';

const API_FILE = new URL('../../../engine/vm/policy-api.ts', import.meta.url);
const POLICIES_DIR = new URL('../../../engine/vm/policies/', import.meta.url);

const parse = (url: URL) => ts.createSourceFile(url.pathname, readFileSync(url, 'utf8'), ts.ScriptTarget.Latest, true);
const hasJsDoc = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).length > 0;

describe('the VM policy API', () => {
  it('fits the core policy contract, so sweeps and the CLI treat every policy alike', () => {
    expectTypeOf<VmPolicy>().toExtend<PolicyMeta>();
    expectTypeOf<PolicyParameter>().toEqualTypeOf<ParameterSpec>();
  });

  it('is self-contained and has JSDoc on every exported declaration and member', () => {
    const source = parse(API_FILE);
    const missing: string[] = [];
    for (const statement of source.statements) {
      expect(ts.isImportDeclaration(statement), 'policy-api.ts imports nothing').toBe(false);
      if (!(ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))) continue;
      if (!hasJsDoc(statement)) missing.push(statement.name.text);
      if (ts.isInterfaceDeclaration(statement)) {
        for (const member of statement.members) if (!hasJsDoc(member)) missing.push(`${statement.name.text}.${member.name?.getText(source)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('built-in policies are files on the public API: only `import type` from schedlab/vm, a default export', () => {
    for (const file of readdirSync(POLICIES_DIR).filter((f) => f !== 'index.ts')) {
      const source = parse(new URL(file, POLICIES_DIR));
      const imports = source.statements.filter(ts.isImportDeclaration);
      for (const declaration of imports) {
        expect((declaration.moduleSpecifier as ts.StringLiteral).text, file).toBe('schedlab/vm');
        expect(declaration.importClause?.isTypeOnly, file).toBe(true);
      }
      expect(source.statements.some(ts.isExportAssignment), file).toBe(true);
    }
  });

  it('built-in policies have unique ids, a description and a paper; the engine is registered', () => {
    const ids = BUILTIN_POLICIES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['greedy', 'ffd', 'bfd', 'search', 'mip', 'k8s-least-allocated', 'k8s-most-allocated', 'k8s-balanced']);
    for (const policy of BUILTIN_POLICIES) {
      expect(policy.description.length, policy.id).toBeGreaterThan(10);
      expect(policy.paper, policy.id).toMatch(/\d{4}/);
    }
    expect(findBuiltinPolicy('GREEDY')?.id).toBe('greedy');
    const engine = findEngine('vm');
    expect(engine).toMatchObject({ id: 'vm', title: 'VM rescheduling', version: '0.2.0' });
  });
});
