/**
 * The sweep builder's form state turned into a sweep spec (db/sweep-spec.ts), the same JSON `schedlab sweep` reads:
 * the form is a way of writing a spec, and the spec is what is stored, shown and forked.
 */
import type { SweepEngineId, SweepSpecInput } from '../../db/sweep-spec';

export interface BuilderPolicy {
  readonly builtin: string;
  /** Parameter name -> text the user typed: "1, 2, 4" (grid values); empty = the default. */
  readonly grid: Readonly<Record<string, string>>;
  /** Random points within the declared ranges instead of a grid (0 = off). */
  readonly randomPoints: number;
}

export interface BuilderState {
  readonly engine: SweepEngineId;
  readonly title: string;
  readonly scenarios: readonly string[];
  readonly policies: readonly BuilderPolicy[];
  /** The lab editor's draft, included as a policy source. */
  readonly editorSource?: string;
  readonly seedFrom: number;
  readonly seedCount: number;
  /** Engine options as text the user typed, name -> "a, b" (a list sweeps over its values). */
  readonly options: Readonly<Record<string, string>>;
}

/** "1, 2.5, 4" -> [1, 2.5, 4]; a value that is not a number throws, naming the field. */
export function parseNumberList(text: string, field: string): number[] {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  return parts.map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value)) throw new Error(`${field}: "${part}" is not a number`);
    return value;
  });
}

/** An option's text: numbers where every value is one ("10, 50"), else the strings ("active, non-delay"). */
function optionValue(text: string, name: string): unknown {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const values: unknown[] = parts.every((p) => Number.isFinite(Number(p))) ? parseNumberList(text, `options.${name}`) : parts;
  return values.length === 1 ? values[0] : values;
}

/** The option fields as typed: empty ones left out, "10, 50" a list to sweep over. */
export function parseOptions(options: Readonly<Record<string, string>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(options)
      .filter(([, text]) => text.trim() !== '')
      .map(([name, text]) => [name, optionValue(text, name)]),
  );
}

export function buildSpec(state: BuilderState): SweepSpecInput {
  const policies: NonNullable<SweepSpecInput['policies']> = state.policies.map((policy) => {
    if (policy.randomPoints > 0) return { builtin: policy.builtin, params: { random: { count: policy.randomPoints, seed: 1 } } };
    const grid = Object.fromEntries(
      Object.entries(policy.grid)
        .filter(([, text]) => text.trim() !== '')
        .map(([name, text]) => [name, parseNumberList(text, `${policy.builtin}.${name}`)]),
    );
    return Object.keys(grid).length > 0 ? { builtin: policy.builtin, params: { grid } } : policy.builtin;
  });
  if (state.editorSource) policies.push({ source: state.editorSource, fileName: 'my-policy.ts', label: 'My policy (editor)' });
  const options = parseOptions(state.options);
  return {
    engine: state.engine,
    ...(state.title.trim() ? { title: state.title.trim() } : {}),
    scenarios: [...state.scenarios],
    policies,
    seeds: { from: state.seedFrom, count: state.seedCount },
    options: options as SweepSpecInput['options'],
  };
}
