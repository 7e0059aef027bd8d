import type { JobShopPolicy } from 'schedlab/jobshop';

/**
 * MDD: modified due date, max(due, earliest start + work remaining). A job that can no longer make its due date
 * is ranked by when it can finish. On a single machine (one operation per job) this is Baker & Bertrand's rule
 * exactly: with t the time already sequenced, pick the job minimising max(t + p_j, d_j).
 */
const policy: JobShopPolicy = {
  id: 'mdd',
  label: 'MDD',
  description: 'Lowest modified due date max(due, earliest start + work remaining) first',
  paper: 'Baker & Bertrand 1982, A dynamic priority rule for scheduling against due-dates (J. Operations Management 3(1))',
  priority: (candidate, view) =>
    Math.max(view.jobDue(candidate.job), candidate.earliestStart + view.jobRemainingWork(candidate.job)),
};

export default policy;
