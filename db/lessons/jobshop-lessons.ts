/**
 * Built-in job-shop lessons, simple to hard. The facts come from docs/reference/jobshop.md (ft06's optimum, the
 * published dispatching-rule gaps, what each due-date rule optimises); the claims about this engine's own numbers
 * (SPT is worse than MWKR on ft06, tabu reaches 55) are checked by test/lessons/builtin-lessons.test.ts.
 */
import { markdown, type BuiltinLessonSource } from './builtin-lesson';

/** Metrics that say nothing about the makespan, hidden in the first lesson so the table shows only what matters. */
const NOT_MAKESPAN = ['totalFlowTime', 'totalTardiness', 'totalWeightedTardiness', 'maxLateness', 'tardyJobs', 'decisions'];

const sptMakespan: BuiltinLessonSource = {
  id: 'jobshop-spt-makespan',
  spec: {
    engine: 'jobshop',
    title: 'Why SPT is bad for makespan',
    instructions: markdown(
      'A **job shop** has jobs, each a fixed sequence of operations, and machines that each run one operation at a time. The **makespan** is the time at which the last operation ends. The scenario is **ft06**, the 6 x 6 instance of Fisher and Thompson (1963); its optimal makespan is **55**.',
      'The starter policy is **SPT** (shortest processing time first): whenever a machine is free and several operations are ready for it, it starts the shortest one.',
      '### What to do',
      '1. Run SPT and step through the schedule with the player. Watch what a machine picks when several operations are ready.\n2. Note the makespan and the gap to the best known value (55).\n3. Pick **MWKR** (most work remaining in the job first) and **MOPNR** (most operations remaining first) and run them too.',
      '### What is going on',
      'The makespan is set by whichever job finishes last. SPT keeps starting short operations, so the jobs with the longest remaining chains wait, and their long tails run at the end while the other machines stand idle. MWKR starts the jobs with the most work left first, so the long chains get going early.',
    ),
    scenarios: ['ft06'],
    starter: { builtin: 'spt' },
    compare: ['mwkr', 'mopnr', 'lpt'],
    hidden: { controls: ['editor', 'scenario'], metrics: NOT_MAKESPAN },
    questions: [
      'What makespan does SPT reach on ft06, and how far is it above the optimum of 55?',
      'In the player, find a moment where SPT starts a short operation while a job with much more work left waits. What does that choice cost at the end of the schedule?',
      'Which of the rules does best here? Why does looking at the work remaining in a job help the makespan?',
      'On a single machine, SPT minimises the total flow time. Why does that not make it good for the makespan of a job shop?',
    ],
  },
};

const rulesVsTabu: BuiltinLessonSource = {
  id: 'jobshop-rules-vs-tabu',
  spec: {
    engine: 'jobshop',
    title: 'Priority rules vs the tabu reference',
    instructions: markdown(
      'A **priority rule** decides one operation at a time from what it sees at that moment. **Tabu search** (Nowicki and Smutnicki, 1996) instead plans a whole schedule: it repeatedly swaps two operations at the ends of blocks on the critical path, remembers recent swaps so it does not undo them at once, and keeps the best schedule it finds. Here it is the reference: on ft06 it finds the optimum, 55.',
      'Published figures show how far rules are from such a reference: on Taillard\'s 15 x 15 instances, SPT, MWKR, FDD/MWKR and MOPNR give makespans 45-57% above the best known (Zhang et al., NeurIPS 2020, table 3).',
      '### What to do',
      '1. Run the rules (MWKR, SPT, MOPNR, FDD/MWKR, FIFO) and tabu on each scenario and compare the makespans.\n2. In the player, compare a rule\'s schedule with tabu\'s: where do machines sit idle?\n3. Edit the starter policy: it is MWKR. Try a priority that mixes the work remaining with the operation\'s own duration, or looks at how busy the next machine is.',
      '### The challenge',
      'Submit your rule. The server runs it on ft06, teach-6x4 and teach-10x5 and ranks you by the mean makespan (lower is better). Beat MWKR first, then see how close to tabu a single rule can get. Submitting tabu itself is not the point.',
    ),
    scenarios: ['ft06', 'teach-6x4', 'teach-10x5'],
    starter: { builtin: 'mwkr' },
    compare: ['spt', 'mopnr', 'fdd-mwkr', 'fifo', 'tabu'],
    hidden: { controls: [], metrics: ['totalTardiness', 'totalWeightedTardiness', 'maxLateness', 'tardyJobs'] },
    questions: [
      'How large is the gap between the best rule and tabu on each scenario?',
      'Tabu search takes far more computation per run than a rule (compare how long each run takes). When is a rule still the better choice in a real shop?',
      'Describe your best rule in one sentence. On which scenario does it lose most against tabu, and why might that be?',
    ],
    challenge: { objective: 'makespan', seeds: [1], budgetSeconds: 10, memoryMb: 256 },
  },
};

const dueDates: BuiltinLessonSource = {
  id: 'jobshop-due-dates',
  spec: {
    engine: 'jobshop',
    title: 'Due dates and tardiness',
    instructions: markdown(
      'Now each job has a **due date**. A job that finishes after it is **tardy**; its tardiness is how late it is (an early job counts 0). The **total tardiness** adds them up. A schedule with a short makespan can still leave many jobs late.',
      'The scenarios: **teach-single-12** is twelve jobs on one machine, the classic setting for these rules; **teach-10x5** is a 10 x 5 job shop with due dates.',
      '### The rules',
      '- **EDD** (earliest due date first; Jackson, 1955) minimises the maximum lateness on one machine, but it is only a heuristic for the total tardiness.\n- **MDD** (modified due date; Baker and Bertrand, 1982) ranks a job by max(due date, earliest possible finish): once a job cannot be on time any more, its own finish time counts.\n- **ATC** (apparent tardiness cost; Vepsalainen and Morton, 1987) weighs a job\'s urgency (its slack) against its length.\n- **SPT** ignores due dates altogether; **CR** is the critical ratio (time left / work left).',
      '### What to do',
      '1. Run EDD, MDD, ATC, CR and SPT on the single machine and note the total tardiness and the number of tardy jobs.\n2. Do the same on the 10 x 5 job shop. Does the ranking stay the same?\n3. In the player, find a job that EDD starts although it will be late anyway. What would MDD do instead?',
    ),
    scenarios: ['teach-single-12', 'teach-10x5'],
    starter: { builtin: 'edd' },
    compare: ['mdd', 'atc', 'cr', 'spt'],
    hidden: { controls: [], metrics: ['decisions', 'lowerBound', 'gapToLowerBound'] },
    questions: [
      'On the single machine, which rule gives the lowest total tardiness, and which the fewest tardy jobs? Are they the same rule?',
      'Why can starting a job that is already certain to be late be a bad choice for the total tardiness?',
      'Does the best rule on one machine stay the best in the 10 x 5 job shop? What is different there?',
    ],
  },
};

/** Simple to hard. */
export const JOBSHOP_LESSONS: readonly BuiltinLessonSource[] = [sptMakespan, rulesVsTabu, dueDates];
