import type { JobShopPolicy } from 'schedlab/jobshop';

/** SPT: Shortest processing time first. */
const policy: JobShopPolicy = {
  id: 'spt',
  label: 'SPT',
  description: 'Shortest processing time first',
  paper: 'Panwalkar & Iskander 1977, A survey of scheduling rules (Operations Research 25(1))',
  priority: (candidate) => candidate.duration,
};

export default policy;
