import type { JobShopPolicy } from '../../engine/jobshop/policy-api';
import { UsageError } from './cli-error';
import { readTextFile } from './scenario';
import { didYouMean } from './suggest';

/** A built-in policy runs in this process; a user's policy file runs in a worker thread with a time budget. */
export type PolicyChoice<P = JobShopPolicy> =
  | { readonly kind: 'builtin'; readonly policy: P }
  | { readonly kind: 'file'; readonly file: string; readonly source: string };

/** The part of an engine that names its built-in policies. */
interface PolicyCatalogue<P> {
  readonly policies: readonly P[];
  findPolicy(id: string): P | undefined;
}

export function choosePolicy<P extends { readonly id: string }>(engine: PolicyCatalogue<P>, id: string | undefined, file: string | undefined): PolicyChoice<P> {
  if (id !== undefined && file !== undefined) throw new UsageError('give --policy or --policy-file, not both');
  if (file !== undefined) return { kind: 'file', file, source: readTextFile(file, 'policy file') };
  const ids = engine.policies.map((p) => p.id);
  if (id === undefined) throw new UsageError(`give --policy <id> (one of: ${ids.join(', ')}) or --policy-file <file.ts>`);
  const policy = engine.findPolicy(id);
  if (!policy) throw new UsageError(`unknown policy "${id}"${didYouMean(id, ids)} (policies: ${ids.join(', ')})`);
  return { kind: 'builtin', policy };
}
