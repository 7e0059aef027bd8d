import type { JobShopPolicy } from 'schedlab/jobshop';

/** EDD: Earliest due date first. */
const policy: JobShopPolicy = {
  id: 'edd',
  label: 'EDD',
  description: 'Earliest due date first',
  paper: 'Jackson 1955, Scheduling a production line to minimize maximum tardiness (UCLA Management Science Research Project, Research Report 43)',
  priority: (candidate, view) => view.jobDue(candidate.job),
};

export default policy;
