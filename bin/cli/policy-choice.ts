import type { JobShopPolicy } from '../../engine/jobshop/policy-api';
import { UsageError } from './cli-error';
import type { JobshopEngine } from './engines';
import { readTextFile } from './scenario';
import { didYouMean } from './suggest';

/** A built-in policy runs in this process; a user's policy file runs in a worker thread with a time budget. */
export type PolicyChoice =
  | { readonly kind: 'builtin'; readonly policy: JobShopPolicy }
  | { readonly kind: 'file'; readonly file: string; readonly source: string };

export function choosePolicy(engine: JobshopEngine, id: string | undefined, file: string | undefined): PolicyChoice {
  if (id !== undefined && file !== undefined) throw new UsageError('give --policy or --policy-file, not both');
  if (file !== undefined) return { kind: 'file', file, source: readTextFile(file, 'policy file') };
  const ids = engine.policies.map((p) => p.id);
  if (id === undefined) throw new UsageError(`give --policy <id> (one of: ${ids.join(', ')}) or --policy-file <file.ts>`);
  const policy = engine.findPolicy(id);
  if (!policy) throw new UsageError(`unknown policy "${id}"${didYouMean(id, ids)} (policies: ${ids.join(', ')})`);
  return { kind: 'builtin', policy };
}
