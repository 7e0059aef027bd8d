import type { JobShopPolicy } from 'schedlab/jobshop';

/** LWKR: Least work remaining in the job first (including the candidate operation). */
const policy: JobShopPolicy = {
  id: 'lwkr',
  label: 'LWKR',
  description: 'Least work remaining in the job first (including the candidate operation)',
  paper: 'Panwalkar & Iskander 1977, A survey of scheduling rules (Operations Research 25(1))',
  priority: (candidate, view) => view.jobRemainingWork(candidate.job),
};

export default policy;
