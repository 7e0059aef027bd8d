/**
 * Built-in VM-rescheduling lessons, simple to hard. The facts come from docs/reference/vm-rescheduling.md (the
 * fragment rate, the migration number limit, the VMR2L drift figure); the claims about this engine's own numbers
 * (greedy cannot start on teach-fragments, search can) are checked by test/lessons/builtin-lessons.test.ts.
 *
 * Scenarios are small generated clusters (12-20 PMs), so a browser runs every policy in well under a second.
 */
import { markdown, type BuiltinLessonSource } from './builtin-lesson';

const DRIFT_METRICS = ['planned', 'dropped', 'frPlanned', 'frAtApply', 'arrivals', 'exits', 'rejectedArrivals', 'decisionSeconds'];
const PLACEMENT_METRICS = ['placed', 'unplaced', 'placedTopPriority'];
const OTHER_OBJECTIVES = ['pmsUsedBefore', 'pmsUsedAfter', 'loadSpreadBefore', 'loadSpreadAfter'];

const fragmentation: BuiltinLessonSource = {
  id: 'vm-fragmentation',
  spec: {
    engine: 'vm',
    title: 'What fragmentation is',
    instructions: markdown(
      'A cluster has physical machines (PMs), each with two NUMA nodes, and virtual machines (VMs) placed on them. Over time VMs come and go and the free cores end up scattered: a few here, a few there. Free cores that cannot host a new 16-core VM are **fragments**.',
      'The **fragment rate** (FR) measures this: for every node, take its free cores modulo 16; add these up over all nodes and divide by all free cores. FR = 1 means no node has 16 free cores; FR = 0 means all free cores come in whole 16-core slots. Migrations move VMs but never change the total of free cores, so lowering FR means gathering free cores onto fewer nodes.',
      'The scenario **teach-fragments** has three PMs of 2 x 16 cores and FR = 1.0 (38 of 38 free cores are fragments). The lesson allows **two migrations** (the migration number limit, MNL).',
      '### What to do',
      '1. Run the starter, **greedy** (the VMR2L paper\'s baseline: move the VM whose departure cuts the most fragments, to where it fits best; stop when a move gains nothing). Look at FR before and after and at the number of migrations.\n2. Run **search** (simulated annealing over whole plans) and step through its migrations in the player. After each one, count the free cores on each node.\n3. Try first-fit and best-fit decreasing too, and the second scenario, teach-anti-affinity, where some VMs may not share a PM or a rack.',
    ),
    scenarios: ['teach-fragments', 'teach-anti-affinity'],
    starter: { builtin: 'greedy' },
    compare: ['search', 'ffd', 'bfd'],
    options: { mnl: 2 },
    hidden: { controls: ['editor'], metrics: [...DRIFT_METRICS, ...PLACEMENT_METRICS, ...OTHER_OBJECTIVES] },
    questions: [
      'Compute the fragment rate of teach-fragments by hand from the free cores of its six nodes. Do you get 1.0?',
      'Greedy makes no migration at all on teach-fragments. Why does no single move lower the fragment rate there, although two moves do?',
      'Which two VMs does search move, and how many free cores does the freed node have afterwards?',
    ],
  },
};

const migrationBudget: BuiltinLessonSource = {
  id: 'vm-migration-budget',
  spec: {
    engine: 'vm',
    title: 'Greedy vs search under a migration budget',
    instructions: markdown(
      'Every migration copies a running VM to another PM, which costs network bandwidth and risks a short pause, so operators cap the number of migrations per round: the **migration number limit** (MNL). In production it is typically 2-3% of all VMs (the VMR2L paper\'s setting). Here MNL = 5.',
      'With a tight budget, each migration must count. **Greedy** takes the best single move each time and stops when no single move helps. **Search** (simulated annealing) looks for the best *set* of at most MNL moves at once, so it can take a move that gains nothing by itself but enables the next one.',
      '### What to do',
      '1. Run greedy, first-fit decreasing, best-fit decreasing and search on the three generated clusters. Compare FR after and the migrations used.\n2. Step through search\'s plan in the player: does every single step lower FR?\n3. Edit the starter (greedy) into a better policy for five moves.',
      '### The challenge',
      'Submit your policy. The server runs it on the three clusters with MNL = 5 and ranks you by the mean fragment rate after the migrations (lower is better).',
    ),
    scenarios: [
      { generator: 'random', settings: { seed: 5, pms: 20 }, label: 'random cluster, 20 PMs' },
      { generator: 'vmr2l-like', settings: { seed: 3, pms: 20, vms: 150 }, label: 'VMR2L-like, 20 PMs, 150 VMs' },
      { generator: 'random', settings: { seed: 1, pms: 12 }, label: 'random cluster, 12 PMs' },
    ],
    starter: { builtin: 'greedy' },
    compare: ['search', 'ffd', 'bfd'],
    options: { mnl: 5 },
    hidden: { controls: [], metrics: [...DRIFT_METRICS, ...PLACEMENT_METRICS] },
    questions: [
      'On which cluster does greedy stop before it has used its five migrations? Why does it stop?',
      'Find a step in search\'s plan that does not lower FR by itself. What does it make possible?',
      'If the budget were 50 migrations instead of 5, would you expect the gap between greedy and search to grow or shrink? Why?',
    ],
    challenge: { objective: 'frAfter', seeds: [1], budgetSeconds: 20, memoryMb: 512 },
  },
};

const drift: BuiltinLessonSource = {
  id: 'vm-drift',
  spec: {
    engine: 'vm',
    title: 'Why slow optimal plans lose under drift',
    instructions: markdown(
      'A rescheduling plan is computed on a **snapshot** of the cluster. While the policy thinks, VMs keep arriving and leaving, so by the time the plan is applied some of its moves are impossible (the VM has gone, or the destination is now full) and are dropped, and the ones that remain were chosen for a cluster that no longer exists.',
      'The VMR2L authors measured this with an exact MIP solver: a plan applied after 1-5 s reached FR about 0.32 (from about 0.52), after 1 minute about 0.36, after 5 minutes about 0.47, and after 10 minutes or more it gave no gain at all. That is why they chose a 5-second latency budget.',
      'In this lesson every policy is charged **120 seconds** of thinking, as a slow optimal solver would be: the engine plans on the snapshot, applies two minutes of VM arrivals and exits, then replays the plan and drops what became impossible.',
      '### What to look at',
      '- **frPlanned**: the fragment rate the plan reached on the frozen snapshot (what it promised).\n- **frAtApply**: the fragment rate after the arrivals and exits, before any migration.\n- **frAfter**: what the plan actually achieved; **dropped**: planned migrations that became impossible.',
      '### What to do',
      '1. Run greedy and search. Compare frPlanned with frAfter for each.\n2. Compare frAfter with frAtApply: how much did the plan still help once the cluster had moved on?\n3. Which policy loses more of its promise, the one with the long plan or the one with the short plan?',
    ),
    scenarios: [
      { generator: 'vmr2l-like', settings: { seed: 3, pms: 20, vms: 150 }, label: 'VMR2L-like, 20 PMs, 150 VMs' },
      { generator: 'random', settings: { seed: 5, pms: 20 }, label: 'random cluster, 20 PMs' },
    ],
    starter: { builtin: 'search' },
    compare: ['greedy', 'bfd'],
    options: { mnl: 10, drift: { decisionSeconds: 120 } },
    hidden: { controls: ['editor'], metrics: [...PLACEMENT_METRICS, ...OTHER_OBJECTIVES] },
    questions: [
      'How many of search\'s planned migrations were dropped on each cluster, and how far is its frAfter from its frPlanned?',
      'Why does a plan with many dependent moves suffer more from drift than a plan with one move?',
      'From the VMR2L figures above, how long may a plan take before it has lost most of its value? What does that mean for using an exact solver in production?',
    ],
  },
};

/** Simple to hard. */
export const VM_LESSONS: readonly BuiltinLessonSource[] = [fragmentation, migrationBudget, drift];
