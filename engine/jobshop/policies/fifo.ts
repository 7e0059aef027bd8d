import type { JobShopPolicy } from 'schedlab/jobshop';

/** FIFO: First in, first out: the job that has waited at the queue longest (earliest ready time) first. */
const policy: JobShopPolicy = {
  id: 'fifo',
  label: 'FIFO',
  description: 'First in, first out: the job that has waited at the queue longest (earliest ready time) first',
  paper: 'Panwalkar & Iskander 1977, A survey of scheduling rules (Operations Research 25(1))',
  priority: (candidate, view) => view.jobReadyTime(candidate.job),
};

export default policy;
