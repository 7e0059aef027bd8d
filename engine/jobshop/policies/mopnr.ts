import type { JobShopPolicy } from 'schedlab/jobshop';

/** MOPNR: Most operations remaining in the job first. */
const policy: JobShopPolicy = {
  id: 'mopnr',
  label: 'MOPNR',
  description: 'Most operations remaining in the job first',
  paper: 'Panwalkar & Iskander 1977, A survey of scheduling rules (Operations Research 25(1))',
  priority: (candidate, view) => -view.jobOpsRemaining(candidate.job),
};

export default policy;
