import type { ParamValues } from '../../engine/core/params';
import type { PolicyMeta } from '../../engine/core/policy';
import type { JobShopInstance } from '../../engine/jobshop/model';
import type { JobShopResult, JobShopRunOptions } from '../../engine/jobshop/run-types';
import type { VmScenario } from '../../engine/vm/model';
import type { VmResult, VmRunOptions } from '../../engine/vm/run-types';
import type { LlmScenario } from '../../engine/llm/model';
import type { LlmResult, LlmRunOptions } from '../../engine/llm/run-types';

/**
 * What crosses the boundary between the CLI and a policy worker thread: plain data only (structured clone), no
 * functions, no class instances. Errors travel as a kind and a one-line message, because an Error's class does not
 * survive the trip.
 */

/** Run options that can be cloned: everything but the progress callback and the abort signal. */
export type PortableRunOptions = Omit<JobShopRunOptions, 'onProgress' | 'signal'>;

/** VM run options that can be cloned; the worker loads its own MIP solver. */
export type PortableVmRunOptions = Omit<VmRunOptions, 'onProgress' | 'signal' | 'mipSolver'>;

interface PolicySource {
  /** The policy's TypeScript source. */
  readonly source: string;
  /** The name errors and stack frames use for it (the path as the user gave it). */
  readonly fileName: string;
}

export interface JobShopPolicyJob extends PolicySource {
  readonly engine?: 'jobshop';
  readonly instance: JobShopInstance;
  readonly options: PortableRunOptions;
}

export interface VmPolicyJob extends PolicySource {
  readonly engine: 'vm';
  readonly scenario: VmScenario;
  readonly options: PortableVmRunOptions;
}

/** One run of a policy file: the engine says which scenario and options it carries (job shop when left out). */
export interface LlmPolicyJob extends PolicySource {
  readonly engine: 'llm';
  readonly scenario: LlmScenario;
  readonly options: Omit<LlmRunOptions, 'onProgress' | 'signal'>;
}

export type PolicyJob = JobShopPolicyJob | VmPolicyJob | LlmPolicyJob;

/** The result a job of type J produces. */
export type ResultOf<J extends PolicyJob> = J extends VmPolicyJob ? VmResult : J extends LlmPolicyJob ? LlmResult : JobShopResult;

/**
 * - params: a --param the policy does not declare or a value outside its range (the command line is wrong);
 * - input: the scenario or the run options were rejected by the engine;
 * - policy: the file does not compile, is not a policy, threw, or decided something invalid;
 * - budget / memory: the worker was stopped from outside;
 * - crash: the worker died for another reason (a bug on our side, not the author's).
 */
export type FailureKind = 'params' | 'input' | 'policy' | 'budget' | 'memory' | 'crash';

export interface PolicyFailureReport {
  readonly kind: FailureKind;
  /** One line; names the policy file and, when known, the line. */
  readonly message: string;
  /** 1-based line in the policy file. */
  readonly line?: number;
}

export type PolicyInfo = Pick<PolicyMeta, 'id' | 'label' | 'description' | 'paper' | 'params'>;

export type WorkerMessage =
  | { readonly type: 'started' }
  | { readonly type: 'done'; readonly result: JobShopResult | VmResult | LlmResult; readonly policy: PolicyInfo; readonly params: ParamValues }
  | { readonly type: 'failed'; readonly failure: PolicyFailureReport };
