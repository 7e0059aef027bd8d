/**
 * The built-in scenarios: Taillard's 80 benchmark instances (regenerated from their seeds on demand, not
 * stored), Fisher & Thompson's ft06, and small teaching instances from fixed seeds.
 */
import { publishedBound } from './bounds';
import { withDueDates, withTardinessDueDates } from './generators/due-dates';
import { generateRandom } from './generators/random';
import { generateTaillard } from './generators/taillard';
import { TAILLARD_SEEDS } from './generators/taillard-seeds';
import { classicInstance, type JobShopInstance } from './model';
import { validateInstance } from './validate';

/** One scenario in the picker. `create` builds a fresh instance each call. */
export interface CatalogueEntry {
  readonly id: string;
  readonly label: string;
  readonly jobs: number;
  readonly machines: number;
  /** 'ta', 'ft' or 'teaching'. */
  readonly family: string;
  readonly description: string;
  create(): JobShopInstance;
}

/** ft06 (Muth & Thompson 1963), the 6x6 example every textbook uses; optimum 55. Machines from 0. */
const FT06: readonly (readonly [number, number])[][] = [
  [[2, 1], [0, 3], [1, 6], [3, 7], [5, 3], [4, 6]],
  [[1, 8], [2, 5], [4, 10], [5, 10], [0, 10], [3, 4]],
  [[2, 5], [3, 4], [5, 8], [0, 9], [1, 1], [4, 7]],
  [[1, 5], [0, 5], [2, 5], [3, 3], [4, 8], [5, 9]],
  [[2, 9], [1, 3], [4, 5], [5, 4], [0, 3], [3, 1]],
  [[1, 3], [3, 3], [5, 9], [0, 10], [4, 4], [2, 1]],
];

function ft06Entry(): CatalogueEntry {
  const description = `${publishedBound('ft06')?.description ?? 'Fisher and Thompson 6x6 instance'}; optimum 55`;
  return {
    id: 'ft06',
    label: 'ft06 (6x6, Fisher & Thompson)',
    jobs: 6,
    machines: 6,
    family: 'ft',
    description,
    create: () => validateInstance({ ...classicInstance('ft06', 6, FT06.map((job) => [...job])), description }),
  };
}

interface TeachingSpec {
  readonly id: string;
  readonly label: string;
  readonly jobs: number;
  readonly machines: number;
  readonly description: string;
  readonly build: () => JobShopInstance;
}

function teaching({ id, label, jobs, machines, description, build }: TeachingSpec): CatalogueEntry {
  const create = (): JobShopInstance => ({ ...build(), name: id, description });
  return { id, label, jobs, machines, family: 'teaching', description, create };
}

/** A classic random instance; the teaching set differs only in size, durations and seed. */
const classic = (jobs: number, machines: number, maxDuration: number, seed: number): JobShopInstance =>
  generateRandom({ jobs, machines, minDuration: 1, maxDuration, flexibility: 0, seed });

const TEACHING: readonly CatalogueEntry[] = [
  teaching({
    id: 'teach-3x3',
    label: 'Teaching 3x3',
    jobs: 3,
    machines: 3,
    description: 'Three jobs on three machines: small enough to schedule by hand',
    build: () => classic(3, 3, 9, 3),
  }),
  teaching({
    id: 'teach-6x4',
    label: 'Teaching 6x4',
    jobs: 6,
    machines: 4,
    description: 'Six jobs on four machines, durations 1-9',
    build: () => classic(6, 4, 9, 64),
  }),
  teaching({
    id: 'teach-10x5',
    label: 'Teaching 10x5 with due dates',
    jobs: 10,
    machines: 5,
    description: 'Ten jobs on five machines, durations 1-20, TWK due dates (factor 1.5 +/- 50%)',
    build: () => withDueDates(classic(10, 5, 20, 105), { factor: 1.5, seed: 105 }),
  }),
  teaching({
    id: 'teach-single-12',
    label: 'Teaching single machine, 12 jobs',
    jobs: 12,
    machines: 1,
    description: 'Twelve jobs on one machine with due dates (TF 0.6, RDD 0.6), for total tardiness (EDD, SPT, MDD)',
    build: () => withTardinessDueDates(classic(12, 1, 20, 12), { tardinessFactor: 0.6, dueDateRange: 0.6, seed: 12 }),
  }),
  teaching({
    id: 'teach-flex-6x4',
    label: 'Teaching flexible 6x4',
    jobs: 6,
    machines: 4,
    description: 'Six jobs, four machines, operations with extra eligible machines (flexibility 0.4)',
    build: () => generateRandom({ jobs: 6, machines: 4, minDuration: 1, maxDuration: 9, flexibility: 0.4, seed: 46 }),
  }),
];

const TAILLARD: readonly CatalogueEntry[] = TAILLARD_SEEDS.map((s) => ({
  id: s.name,
  label: `${s.name} (${s.n}x${s.m}, Taillard)`,
  jobs: s.n,
  machines: s.m,
  family: 'ta',
  description: `Taillard (1993) ${s.n}x${s.m} benchmark, seeds ${s.timeSeed}/${s.machineSeed}`,
  create: () => generateTaillard(s.n, s.m, s.timeSeed, s.machineSeed, s.name),
}));

/** Every built-in scenario: teaching instances first, then ft06, then ta01-ta80. */
export const CATALOGUE: readonly CatalogueEntry[] = [...TEACHING, ft06Entry(), ...TAILLARD];

/** A catalogue entry by id (exact, case-insensitive), or undefined. */
export function findScenario(id: string): CatalogueEntry | undefined {
  const wanted = id.toLowerCase();
  return CATALOGUE.find((entry) => entry.id.toLowerCase() === wanted);
}
