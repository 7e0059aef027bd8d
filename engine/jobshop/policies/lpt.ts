import type { JobShopPolicy } from 'schedlab/jobshop';

/** LPT: Longest processing time first. */
const policy: JobShopPolicy = {
  id: 'lpt',
  label: 'LPT',
  description: 'Longest processing time first',
  paper: 'Panwalkar & Iskander 1977, A survey of scheduling rules (Operations Research 25(1))',
  priority: (candidate) => -candidate.duration,
};

export default policy;
