import type { JobShopPolicy } from 'schedlab/jobshop';

/**
 * FDD/MWKR: flow due date divided by most work remaining. The flow due date of an operation is the job's release
 * plus the work up to and including it; dividing by the work left from it favours jobs that are behind and long.
 */
const policy: JobShopPolicy = {
  id: 'fdd-mwkr',
  label: 'FDD/MWKR',
  description: 'Lowest (release + work up to this operation) / (work remaining from it) first',
  paper:
    'Sels, Gheysen & Vanhoucke 2012, A comparison of priority rules for the job shop scheduling problem under different flow time- and tardiness-related objective functions (IJPR 50(15))',
  priority: (candidate, view) => {
    const remaining = view.jobRemainingWork(candidate.job);
    const doneBefore = view.jobTotalWork(candidate.job) - remaining;
    // Only a job whose remaining operations all take no time has nothing left to divide by; it costs nothing to run.
    if (remaining === 0) return 0;
    return (view.jobRelease(candidate.job) + doneBefore + candidate.duration) / remaining;
  },
};

export default policy;
