/**
 * What a policy gets when it touches something the sandbox took away. The name shows up in the run's failure
 * ("policy threw at my-policy.ts:7: SandboxError: policy sandbox: fetch is not available to policies"), so the
 * author sees which API and which line at once.
 */
export class SandboxError extends Error {
  constructor(api: string) {
    super(`policy sandbox: ${api} is not available to policies`);
    this.name = 'SandboxError';
  }
}

/** A function that throws SandboxError for `api` however it is used: called, constructed, read or assigned. */
export function refuse(api: string): () => never {
  return function refused(): never {
    throw new SandboxError(api);
  };
}
