import type { JobShopPolicy } from 'schedlab/jobshop';

/** Random: a uniformly random candidate from the run's seeded stream, the baseline every rule must beat. */
const policy: JobShopPolicy = {
  id: 'random',
  label: 'Random',
  description: "A uniformly random candidate, from the run's seeded stream: the baseline every rule must beat",
  paper: 'Panwalkar & Iskander 1977, A survey of scheduling rules (Operations Research 25(1))',
  priority: (_candidate, view) => view.random(),
};

export default policy;
