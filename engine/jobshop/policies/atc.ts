import type { JobShopPolicy } from 'schedlab/jobshop';

/**
 * ATC: apparent tardiness cost. Index = (w / p) * exp(-max(0, slack) / (k * pbar)), highest first, where slack is
 * due - now - work remaining in the job and pbar the mean processing time of the candidates. The look-ahead k sets
 * how early a job's slack starts to matter: small k is WSPT among the urgent, large k approaches WSPT.
 * It needs pbar over the candidates, so it uses `choose` and scans them once.
 */
const policy: JobShopPolicy = {
  id: 'atc',
  label: 'ATC',
  description: 'Highest apparent tardiness cost (w/p) exp(-slack+ / (k pbar)) first',
  paper: 'Vepsalainen & Morton 1987, Priority rules for job shops with weighted tardiness costs (Management Science 33(8))',
  params: [{ name: 'k', description: 'Look-ahead: slack is scaled by k times the mean processing time', min: 0.1, max: 10, default: 2 }],
  choose: (view) => {
    const k = view.param('k');
    let total = 0;
    for (let i = 0; i < view.candidateCount; i++) total += view.candidate(i).duration;
    const scale = k * (total / view.candidateCount);
    let bestJob = -1;
    let bestMachine = -1;
    let bestIndex = -Infinity;
    for (let i = 0; i < view.candidateCount; i++) {
      const c = view.candidate(i);
      const slack = view.jobDue(c.job) - view.time - view.jobRemainingWork(c.job);
      const index = (view.jobWeight(c.job) / c.duration) * Math.exp(-Math.max(0, slack) / scale);
      // Strictly greater: ties keep the first candidate, i.e. the lowest job index.
      if (index > bestIndex || bestJob < 0) {
        bestIndex = index;
        bestJob = c.job;
        bestMachine = c.machine;
      }
    }
    return { job: bestJob, machine: bestMachine };
  },
};

export default policy;
