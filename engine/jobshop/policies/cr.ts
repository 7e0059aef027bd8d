import type { JobShopPolicy } from 'schedlab/jobshop';

/**
 * CR: critical ratio, (due - now) / work remaining. Below 1 the job is behind; negative means already late, and
 * the most negative goes first. Jobs without a due date get Infinity and go last.
 */
const policy: JobShopPolicy = {
  id: 'cr',
  label: 'CR',
  description: 'Lowest critical ratio (due date - now) / work remaining first',
  paper: 'Panwalkar & Iskander 1977, A survey of scheduling rules (Operations Research 25(1))',
  priority: (candidate, view) => {
    const remaining = view.jobRemainingWork(candidate.job);
    // Operations of length 0 leave nothing to divide by; they cost nothing, so they may go first.
    return remaining > 0 ? (view.jobDue(candidate.job) - view.time) / remaining : -Infinity;
  },
};

export default policy;
