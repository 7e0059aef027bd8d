/**
 * engine/ is pure TypeScript that runs unchanged in a browser worker and in Node, so it may import only itself.
 * This test parses every source file under engine/ with the TypeScript compiler (so comments and strings can never
 * cause a false alarm or hide a real import) and fails on:
 *  - an import, export-from, dynamic import(), import-type node or require whose specifier is not relative, or is
 *    relative but resolves outside engine/;
 *  - a platform global: `process.`, `window.`, `document.`, `globalThis.`, `require(`, `import.meta`.
 * The one exception is the public policy API name `schedlab/<engine>`, allowed only where it is erased at compile
 * time (`import type`, `export type ... from`, `import('schedlab/x').T` in a type), since at run time that name
 * exists only inside the policy sandbox.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ENGINE_ROOT = fileURLToPath(new URL('../../engine', import.meta.url));
const PROJECT_ROOT = dirname(ENGINE_ROOT);
const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;
const POLICY_API_NAME = /^schedlab\/[a-z][a-z0-9-]*$/;
const PLATFORM_OBJECTS = new Set(['process', 'window', 'document', 'globalThis']);

interface Violation {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
}

/** Every import-like specifier and platform global in one file that breaks the engine boundary. */
function scanSource(fileName: string, text: string, engineRoot: string): Violation[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const violations: Violation[] = [];
  const report = (node: ts.Node, problem: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    violations.push({ file: fileName, line: line + 1, problem });
  };

  const checkSpecifier = (node: ts.Node, specifier: ts.Node | undefined, erasedAtCompileTime: boolean) => {
    if (specifier === undefined) return;
    if (!ts.isStringLiteralLike(specifier)) {
      report(node, 'import with a computed specifier (cannot be checked)');
      return;
    }
    const problem = specifierProblem(specifier.text, fileName, engineRoot, erasedAtCompileTime);
    if (problem !== undefined) report(node, problem);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      // `import { type A } from 'x'` is not erased: with verbatimModuleSyntax it still loads 'x'.
      checkSpecifier(node, node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    } else if (ts.isExportDeclaration(node)) {
      checkSpecifier(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      checkSpecifier(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      checkSpecifier(node, ts.isLiteralTypeNode(argument) ? argument.literal : argument, true);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      checkSpecifier(node, node.arguments[0], false);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      report(node, 'platform global "require(" (engine code uses import)');
      checkSpecifier(node, node.arguments[0], false);
    } else if (
      (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      PLATFORM_OBJECTS.has(node.expression.text)
    ) {
      report(node, `platform global "${node.expression.text}." (rename it if it is a local variable)`);
    } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      report(node, 'platform-specific "import.meta"');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return violations;
}

/** Why a specifier may not appear in engine/, or undefined when it may. */
function specifierProblem(
  specifier: string,
  fromFile: string,
  engineRoot: string,
  erasedAtCompileTime: boolean,
): string | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const target = relative(engineRoot, resolve(dirname(fromFile), specifier));
    const insideEngine = target !== '..' && !target.startsWith('../') && !isAbsolute(target);
    return insideEngine ? undefined : `'${specifier}' resolves outside engine/`;
  }
  if (POLICY_API_NAME.test(specifier)) {
    return erasedAtCompileTime ? undefined : `'${specifier}' may only be imported with \`import type\``;
  }
  return `'${specifier}' is not a relative import inside engine/`;
}

function engineSourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return engineSourceFiles(path);
    return entry.isFile() && SOURCE_FILE.test(entry.name) ? [path] : [];
  });
}

function format(violation: Violation): string {
  return `${relative(PROJECT_ROOT, violation.file)}:${violation.line}: ${violation.problem}`;
}

describe('engine import boundary', () => {
  it('engine/ imports only itself and uses no platform globals', () => {
    const files = engineSourceFiles(ENGINE_ROOT);
    // Guards against a wrong root making this test pass vacuously.
    expect(files.length).toBeGreaterThanOrEqual(6);
    const violations = files.flatMap((file) => scanSource(file, readFileSync(file, 'utf8'), ENGINE_ROOT));
    expect(violations.map(format)).toEqual([]);
  });
});

describe('the boundary scanner itself', () => {
  // A file that would live at engine/core/sample.ts, so relative paths resolve as they would there.
  const sampleFile = join(ENGINE_ROOT, 'core', 'sample.ts');
  const problems = (text: string) => scanSource(sampleFile, text, ENGINE_ROOT).map((v) => `${v.line}: ${v.problem}`);

  it('catches packages, Node built-ins and paths outside engine/, with the line', () => {
    const text = [
      "import { x } from './inside';",
      "import x from 'react';",
      "import type { A } from '../../db/x';",
      "import * as fs from 'node:fs';",
      "import '../../app/side-effect';",
      "export * from 'd3';",
      "import y from '../../../outside';",
    ].join('\n');
    expect(problems(text)).toEqual([
      "2: 'react' is not a relative import inside engine/",
      "3: '../../db/x' resolves outside engine/",
      "4: 'node:fs' is not a relative import inside engine/",
      "5: '../../app/side-effect' resolves outside engine/",
      "6: 'd3' is not a relative import inside engine/",
      "7: '../../../outside' resolves outside engine/",
    ]);
  });

  it('allows relative imports that stay inside engine/', () => {
    const text = [
      "import { EventQueue } from './event-queue';",
      "import type { JobShopModel } from '../jobshop/model';",
      "export { createRng } from './rng';",
      "import { registry } from '..';",
    ].join('\n');
    expect(problems(text)).toEqual([]);
  });

  it("allows 'schedlab/<engine>' only where it is erased at compile time", () => {
    const allowed = [
      "import type { JobShopPolicy } from 'schedlab/jobshop';",
      "export type { JobShopPolicy } from 'schedlab/jobshop';",
      "type P = import('schedlab/vm').VmPolicy;",
    ].join('\n');
    expect(problems(allowed)).toEqual([]);
    const refused = [
      "import { JobShopPolicy } from 'schedlab/jobshop';",
      "import { type JobShopPolicy } from 'schedlab/jobshop';",
      "import 'schedlab/jobshop';",
      "export { x } from 'schedlab/jobshop';",
      "const m = await import('schedlab/jobshop');",
      "import type { Internal } from 'schedlab/jobshop/internal';",
    ].join('\n');
    expect(problems(refused)).toEqual([
      "1: 'schedlab/jobshop' may only be imported with `import type`",
      "2: 'schedlab/jobshop' may only be imported with `import type`",
      "3: 'schedlab/jobshop' may only be imported with `import type`",
      "4: 'schedlab/jobshop' may only be imported with `import type`",
      "5: 'schedlab/jobshop' may only be imported with `import type`",
      "6: 'schedlab/jobshop/internal' is not a relative import inside engine/",
    ]);
  });

  it('catches dynamic imports, type-level imports and require', () => {
    const text = [
      "const d3 = await import('d3');",
      'const m = await import(name);',
      "type Props = typeof import('react');",
      "const fs = require('fs');",
      "import path = require('node:path');",
    ].join('\n');
    expect(problems(text)).toEqual([
      "1: 'd3' is not a relative import inside engine/",
      '2: import with a computed specifier (cannot be checked)',
      "3: 'react' is not a relative import inside engine/",
      '4: platform global "require(" (engine code uses import)',
      "4: 'fs' is not a relative import inside engine/",
      "5: 'node:path' is not a relative import inside engine/",
    ]);
  });

  it('catches platform globals', () => {
    const text = [
      'const debug = process.env.DEBUG;',
      'window.alert("x");',
      'const title = document.title;',
      'const f = globalThis.fetch;',
      "const g = globalThis['fetch'];",
      'const here = import.meta.url;',
    ].join('\n');
    expect(problems(text)).toEqual([
      '1: platform global "process." (rename it if it is a local variable)',
      '2: platform global "window." (rename it if it is a local variable)',
      '3: platform global "document." (rename it if it is a local variable)',
      '4: platform global "globalThis." (rename it if it is a local variable)',
      '5: platform global "globalThis." (rename it if it is a local variable)',
      '6: platform-specific "import.meta"',
    ]);
  });

  it('ignores comments, strings and look-alike names', () => {
    const text = [
      "// import x from 'react';",
      "/* const fs = require('fs'); process.exit(1); */",
      '/** Usage: `window.foo` and `import type { A } from "../../db/x"` */',
      "const message = \"import x from 'react'; document.title\";",
      'const template = `process.env and require("fs")`;',
      'const view = { process: 1, window: 2 };',
      'const total = view.process + view.window;',
      'function requireFinite(x: number) { return x; }',
      'requireFinite(3);',
    ].join('\n');
    expect(problems(text)).toEqual([]);
  });
});
