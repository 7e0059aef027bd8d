/**
 * Writes an evolved rule out as an ordinary policy file on the public API, so it can be opened in the editor,
 * read, tweaked, shared and run like any hand-written policy. The arithmetic is the tree's, operation for
 * operation (the same protected division and NaN guard as evaluate.ts), so the file gives the same schedule as
 * the tree evaluated directly; the GP test compiles it through the real policy compile path to prove it.
 */

import { formatConstant, featuresUsed, ruleToString, type Operator, type RuleExpr } from './expression';
import { FEATURES } from './features';

/** What to name the policy and what to record about where it came from. */
export interface PolicySourceOptions {
  /** Policy id: no spaces ("gp-makespan-7"). */
  readonly id: string;
  /** Display name. */
  readonly label: string;
  /** One line (default: the rule in infix form). */
  readonly description?: string;
  /** The seed of the search that evolved it, for the provenance comment. */
  readonly seed?: number;
  /** The objective it was evolved for, for the provenance comment. */
  readonly objective?: string;
}

/** Lines longer than this are broken at the operators, one operand per line. */
const WIDTH = 110;
const CALLS: Partial<Record<Operator, string>> = { '/': 'div', min: 'Math.min', max: 'Math.max' };

/** The rule as a complete TypeScript policy file with a default export (priority: lowest first). */
export function ruleToPolicySource(expr: RuleExpr, options: PolicySourceOptions): string {
  if (!/^\S+$/.test(options.id)) throw new Error(`policy id "${options.id}" must be non-empty and without spaces`);
  const used = new Set<string>(featuresUsed(expr));
  const reads = FEATURES.filter((f) => used.has(f.name)).map((f) => `    const ${f.name} = ${f.source};`);
  const flatBody = flat(expr, true);
  const body =
    `    return orLast(`.length + flatBody.length + 2 <= WIDTH
      ? [`    return orLast(${flatBody});`]
      : ['    return orLast(', `      ${layout(expr, '      ', true)},`, '    );'];
  const helpers = [
    ...(usesDivision(expr) ? ['/** Protected division: a / 0 is 1, so the rule is defined for every candidate. */',
      'const div = (a: number, b: number): number => (b === 0 ? 1 : a / b);'] : []),
    '/** A NaN priority would stop the run (only overflow can make one); such a candidate goes last instead. */',
    'const orLast = (x: number): number => (x === x ? x : Infinity);',
  ];
  return [
    "import type { JobShopPolicy } from 'schedlab/jobshop';",
    '',
    provenance(options),
    '',
    ...helpers,
    '',
    'const policy: JobShopPolicy = {',
    `  id: ${quote(options.id)},`,
    `  label: ${quote(options.label)},`,
    `  description: ${quote(options.description ?? `Evolved priority rule, lowest first: ${ruleToString(expr)}`)},`,
    '  priority: (c, view) => {',
    ...reads,
    ...body,
    '  },',
    '};',
    '',
    'export default policy;',
    '',
  ].join('\n');
}

function provenance({ seed, objective }: PolicySourceOptions): string {
  const facts = [objective === undefined ? '' : `objective ${objective}`, seed === undefined ? '' : `seed ${seed}`].filter(Boolean);
  const detail = facts.length > 0 ? ` (${facts.join(', ')})` : '';
  // One line, whatever the caller passed.
  return `// Evolved by genetic programming in SchedLab${detail}.`.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** One line of source; `bare` leaves an infix operation without its outer parentheses. */
function flat(expr: RuleExpr, bare: boolean): string {
  switch (expr.kind) {
    case 'feature':
      return expr.name;
    case 'constant':
      return formatConstant(expr.value);
    case 'op': {
      const call = CALLS[expr.op];
      if (call !== undefined) return `${call}(${flat(expr.left, true)}, ${flat(expr.right, true)})`;
      const text = `${flat(expr.left, false)} ${expr.op} ${flat(expr.right, false)}`;
      return bare ? text : `(${text})`;
    }
  }
}

/**
 * Source that starts at the current column and continues on lines indented by `indent`: the one-line form when it
 * fits, else one operand per line. Infix operands are always parenthesised, so the grouping is the tree's.
 */
function layout(expr: RuleExpr, indent: string, bare: boolean): string {
  const one = flat(expr, bare);
  if (expr.kind !== 'op' || indent.length + one.length <= WIDTH) return one;
  const inner = `${indent}  `;
  const call = CALLS[expr.op];
  if (call !== undefined) {
    return `${call}(\n${inner}${layout(expr.left, inner, true)},\n${inner}${layout(expr.right, inner, true)},\n${indent})`;
  }
  const lineIndent = bare ? indent : inner;
  const text = `${layout(expr.left, lineIndent, false)}\n${lineIndent}${expr.op} ${layout(expr.right, lineIndent, false)}`;
  return bare ? text : `(\n${inner}${text}\n${indent})`;
}

function usesDivision(expr: RuleExpr): boolean {
  return expr.kind === 'op' && (expr.op === '/' || usesDivision(expr.left) || usesDivision(expr.right));
}

/** A single-quoted string literal (the project's style) that reads back as `text`. */
function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${escaped}'`;
}
