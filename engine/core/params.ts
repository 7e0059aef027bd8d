import { InputError } from './errors';

/** A numeric knob a policy declares; sweeps and searches vary it within [min, max]. */
export interface ParameterSpec {
  readonly name: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** Only whole numbers are meaningful (iterations, counts). */
  readonly integer?: boolean;
}

export type ParamValues = Readonly<Record<string, number>>;

/**
 * Fills in defaults and checks every given value against its spec. Values may arrive as strings (from
 * `--param k=v`); anything unknown, non-numeric or out of range is an InputError naming the parameter.
 */
export function resolveParams(
  specs: readonly ParameterSpec[] = [],
  given: Readonly<Record<string, number | string>> = {},
  owner = 'policy',
): ParamValues {
  const known = new Map(specs.map((s) => [s.name, s]));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const list = specs.length > 0 ? specs.map((s) => s.name).join(', ') : 'none';
      throw new InputError(`${owner} has no parameter "${name}" (parameters: ${list})`);
    }
  }
  const values: Record<string, number> = {};
  for (const spec of specs) {
    const raw = given[spec.name];
    const value = raw === undefined ? spec.default : typeof raw === 'number' ? raw : Number(raw.trim());
    if (raw !== undefined && (typeof raw === 'string' ? raw.trim() === '' : false)) {
      throw new InputError(`parameter "${spec.name}" of ${owner} is empty; expected a number in [${spec.min}, ${spec.max}]`);
    }
    if (!Number.isFinite(value)) {
      throw new InputError(`parameter "${spec.name}" of ${owner} is "${raw}"; expected a number in [${spec.min}, ${spec.max}]`);
    }
    if (value < spec.min || value > spec.max) {
      throw new InputError(`parameter "${spec.name}" of ${owner} is ${value}; expected a number in [${spec.min}, ${spec.max}]`);
    }
    if (spec.integer && !Number.isInteger(value)) {
      throw new InputError(`parameter "${spec.name}" of ${owner} is ${value}; expected a whole number`);
    }
    values[spec.name] = value;
  }
  return values;
}
