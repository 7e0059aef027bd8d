import { describe, expect, it } from 'vitest';
import { createRng } from '../../../engine/core/rng';
import { findScenario } from '../../../engine/jobshop/catalogue';
import {
  compileRule,
  createGpSearch,
  evolvePriorityRule,
  FEATURE_NAMES,
  protectedDivide,
  ruleFitness,
  ruleToPolicy,
  ruleToPolicySource,
  ruleToString,
  treeDepth,
  type RuleExpr,
} from '../../../engine/jobshop/gp';
import { fullTree, growTree, type PrimitiveSet } from '../../../engine/jobshop/gp/generate';
import { pointMutation, subtreeCrossover, subtreeMutation } from '../../../engine/jobshop/gp/variation';
import type { JobShopInstance } from '../../../engine/jobshop/model';
import { findBuiltinPolicy } from '../../../engine/jobshop/policies';
import { SCHEMES } from '../../../engine/jobshop/run-types';
import { simulate } from '../../../engine/jobshop/simulate';
import { compilePolicy } from '../../../workers/policy-compile';

const scenario = (id: string): JobShopInstance => findScenario(id)!.create();
const feature = (name: (typeof FEATURE_NAMES)[number]): RuleExpr => ({ kind: 'feature', name });
const constant = (value: number): RuleExpr => ({ kind: 'constant', value });
const op = (o: '+' | '-' | '*' | '/' | 'min' | 'max', left: RuleExpr, right: RuleExpr): RuleExpr => ({ kind: 'op', op: o, left, right });

/** Reads every feature and uses every operator, a zero divisor and a negative constant. */
const EVERYTHING = op(
  '+',
  op('/', op('*', feature('processingTime'), constant(-0.35)), feature('startDelay')),
  op(
    'max',
    op('min', op('-', feature('remainingWork'), feature('slack')), op('/', feature('machineLoad'), constant(0))),
    op('*', op('+', feature('opsRemaining'), feature('nextProcessingTime')), op('-', feature('waitingTime'), feature('weight'))),
  ),
);

const makespanOf = (instance: JobShopInstance, id: string): number => simulate(instance, findBuiltinPolicy(id)!).metrics.makespan;
const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('a written rule compiles to the same policy as the tree', () => {
  const small = { instances: ['ta01', 'ta02'].map(scenario), objective: 'makespan' as const, population: 20, generations: 3, maxDepth: 7 };
  const evolved = [1, 2, 3].map((seed) => evolvePriorityRule({ ...small, seed }).rule);
  const rules = [EVERYTHING, feature('processingTime'), constant(2), ...evolved];
  // ft06 and ta01 as asked; teach-10x5 has due dates (slack), teach-flex-6x4 flexible operations.
  const instances = ['ft06', 'ta01', 'teach-10x5', 'teach-flex-6x4'].map(scenario);

  it.each(rules.map((rule, i) => [i, rule] as const))('rule %i gives identical metrics on every instance and scheme', (i, rule) => {
    const source = ruleToPolicySource(rule, { id: `gp-rule-${i}`, label: `GP rule ${i}`, seed: 7, objective: 'makespan' });
    const compiled = compilePolicy(source, `gp-rule-${i}.ts`);
    const direct = ruleToPolicy(rule);
    for (const instance of instances) {
      for (const scheme of SCHEMES) {
        const fromSource = simulate(instance, compiled, { scheme });
        const fromTree = simulate(instance, direct, { scheme });
        expect(fromSource.metrics, `${instance.name} ${scheme}`).toEqual(fromTree.metrics);
        expect(fromSource.schedule).toEqual(fromTree.schedule);
      }
    }
  });

  it('writes a readable file: provenance comment, named feature reads, nested arithmetic', () => {
    const source = ruleToPolicySource(op('/', feature('processingTime'), op('+', feature('opsRemaining'), constant(-0.5))), {
      id: 'gp-spt-ish',
      label: "Dr. Koza's rule",
      seed: 42,
      objective: 'makespan',
    });
    expect(source).toContain("import type { JobShopPolicy } from 'schedlab/jobshop';");
    expect(source).toContain('// Evolved by genetic programming in SchedLab (objective makespan, seed 42).');
    expect(source).toContain('    const processingTime = c.duration;');
    expect(source).toContain('    const opsRemaining = view.jobOpsRemaining(c.job);');
    expect(source).not.toContain('const slack');
    expect(source).toContain('return orLast(div(processingTime, opsRemaining + (-0.5)));');
    expect(source).toContain('export default policy;');
    const policy = compilePolicy(source, 'gp-spt-ish.ts');
    expect(policy.label).toBe("Dr. Koza's rule");
    expect(() => ruleToPolicySource(constant(1), { id: 'has space', label: 'x' })).toThrow(/without spaces/);
  });
});

describe('GP search', () => {
  const training = ['ta01', 'ta02', 'ta03'].map(scenario);
  const options = { instances: training, objective: 'makespan' as const, population: 30, generations: 8, seed: 3, maxDepth: 6 };
  const result = evolvePriorityRule(options);

  it('is deterministic from the seed', () => {
    const again = evolvePriorityRule(options);
    expect(again.rule).toEqual(result.rule);
    expect(again.history).toEqual(result.history);
    const other = evolvePriorityRule({ ...options, seed: 4 });
    expect(other.history).not.toEqual(result.history);
  });

  it('never loses its best (elitism) and ends no worse than the initial population', () => {
    const bests = result.history.map((h) => h.best);
    expect(result.history).toHaveLength(9);
    for (let g = 1; g < bests.length; g++) expect(bests[g]).toBeLessThanOrEqual(bests[g - 1]);
    expect(result.fitness).toBe(bests[bests.length - 1]);
    expect(result.fitness).toBeLessThanOrEqual(bests[0]);
    expect(result.fitness).toBe(ruleFitness(result.rule, training, 'makespan'));
  });

  it('beats SPT by a wide margin and matches the best classic rule on the training set', () => {
    // Mean makespans on ta01-ta03: SPT 1966.7, MWKR 1591, MOPNR 1530.7, FIFO 1477.7 (the best of the classics).
    const classics = ['spt', 'lpt', 'mwkr', 'lwkr', 'mopnr', 'fdd-mwkr', 'fifo'].map((id) => mean(training.map((i) => makespanOf(i, id))));
    const spt = classics[0];
    expect(result.fitness).toBeLessThan(0.9 * spt);
    expect(result.fitness).toBeLessThanOrEqual(Math.min(...classics));
  });

  it('can be driven by ask/tell and gives what evolvePriorityRule gives', () => {
    const { instances, objective, ...searchOptions } = options;
    const search = createGpSearch(searchOptions);
    while (!search.done) search.tell(search.ask().map((rule) => ruleFitness(rule, instances, objective)));
    expect(search.best()).toEqual({ rule: result.rule, fitness: result.fitness });
    expect(search.generation).toBe(8);
  });

  it('respects the depth limit in every rule it asks for', () => {
    const search = createGpSearch({ population: 40, generations: 15, seed: 11, maxDepth: 3, initialDepth: 3 });
    let asked = 0;
    while (!search.done) {
      const rules = search.ask();
      for (const rule of rules) expect(treeDepth(rule)).toBeLessThanOrEqual(3);
      asked += rules.length;
      // Rewards size, so the search pushes against the limit.
      search.tell(rules.map((rule) => -ruleToString(rule).length));
    }
    expect(asked).toBe(40 + 15 * 38);
    expect(treeDepth(search.best()!.rule)).toBe(3);
  });

  it('tell checks the count and ranks failed evaluations last', () => {
    const search = createGpSearch({ population: 6, generations: 1, seed: 1, maxDepth: 4 });
    const rules = search.ask();
    expect(() => search.tell([1, 2, 3])).toThrow('tell() got 3 fitness values for 6 asked rules');
    search.tell([NaN, 5, -Infinity, 4, 6, Infinity]);
    expect(search.best()).toEqual({ rule: rules[3], fitness: 4 });
    expect(search.population().map((p) => p.fitness).slice(0, 3)).toEqual([4, 5, 6]);
    expect(search.population().slice(3).every((p) => p.fitness === Infinity)).toBe(true);
  });

  it('evolves for tardiness on instances with due dates, and says when an instance has none', () => {
    const dated = [scenario('teach-10x5')];
    const twt = evolvePriorityRule({ instances: dated, objective: 'totalWeightedTardiness', population: 20, generations: 4, seed: 5, maxDepth: 5 });
    expect(twt.fitness).toBeLessThanOrEqual(twt.history[0].best);
    expect(() => ruleFitness(feature('slack'), [scenario('ta01')], 'totalWeightedTardiness')).toThrow(
      /instance "ta01" does not report totalWeightedTardiness/,
    );
    expect(() => evolvePriorityRule({ ...options, objective: 'decisions' as 'makespan' })).toThrow(/cannot be evolved for/);
  });
});

describe('rule trees', () => {
  it('divide by zero gives 1 (protected division), in the tree and in the written source', () => {
    expect(protectedDivide(5, 0)).toBe(1);
    expect(protectedDivide(-3, -0)).toBe(1);
    expect(protectedDivide(6, 3)).toBe(2);
    const rule = op('/', feature('processingTime'), constant(0));
    const ft06 = scenario('ft06');
    // Every candidate gets 1, so the run is decided by the engine's ties exactly as a constant rule would be.
    expect(simulate(ft06, ruleToPolicy(rule)).schedule).toEqual(simulate(ft06, ruleToPolicy(constant(1))).schedule);
    // startDelay is 0 for the candidates that can start at once: a real zero divisor in the hot path.
    const delay = op('/', feature('processingTime'), feature('startDelay'));
    const compiled = compilePolicy(ruleToPolicySource(delay, { id: 'delay', label: 'Delay' }), 'delay.ts');
    expect(simulate(ft06, compiled).metrics).toEqual(simulate(ft06, ruleToPolicy(delay)).metrics);
  });

  it('sends a NaN priority last instead of stopping the run', () => {
    const overflow = op('-', op('*', constant(1e200), constant(1e200)), op('*', constant(1e200), constant(1e200)));
    expect(compileRule(overflow)({} as never, {} as never)).toBe(Infinity);
  });

  it('prints rules fully parenthesised below the root', () => {
    expect(ruleToString(op('+', feature('processingTime'), op('*', constant(-0.5), feature('slack'))))).toBe(
      'processingTime + ((-0.5) * slack)',
    );
    expect(ruleToString(op('min', op('/', feature('weight'), feature('processingTime')), constant(2)))).toBe(
      'min((weight / processingTime), 2)',
    );
  });

  it('variation never exceeds the depth limit', () => {
    const rng = createRng(9);
    const set: PrimitiveSet = { features: FEATURE_NAMES, constants: true };
    for (let i = 0; i < 300; i++) {
      const maxDepth = 2 + (i % 5);
      const a = i % 2 === 0 ? fullTree(rng, set, maxDepth) : growTree(rng, set, maxDepth);
      const b = growTree(rng, set, maxDepth);
      expect(treeDepth(a)).toBeLessThanOrEqual(maxDepth);
      for (const child of subtreeCrossover(a, b, rng, maxDepth)) expect(treeDepth(child)).toBeLessThanOrEqual(maxDepth);
      expect(treeDepth(subtreeMutation(a, rng, set, maxDepth))).toBeLessThanOrEqual(maxDepth);
      expect(treeDepth(pointMutation(a, rng, set))).toBe(treeDepth(a));
    }
  });
});
