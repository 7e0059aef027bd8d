/**
 * One entry point for the VM scenario formats that come as one text: `vmr2l` (the snapshot JSON, the default) and
 * `azure-vmtable` (CSV). Alibaba 2018 needs two files (machine_meta and container_meta), so it has its own entry,
 * parseAlibaba2018({ machineMeta, containerMeta }, options).
 */
import type { VmScenario } from '../model';
import { parseAzureVmtable, type AzureVmtableOptions } from './azure-vmtable';
import { parseVmr2l } from './vmr2l';

/** Scenario file formats the VM engine reads (alibaba-2018 through parseAlibaba2018). */
export const VM_FORMATS = ['vmr2l', 'azure-vmtable', 'alibaba-2018'] as const;
export type VmFormat = (typeof VM_FORMATS)[number];

export interface ParseVmScenarioOptions extends AzureVmtableOptions {
  /** Default 'vmr2l'. */
  readonly format?: Exclude<VmFormat, 'alibaba-2018'>;
}

/** Reads a one-text scenario file; throws an InputError naming the source, line and column. */
export function parseVmScenario(text: string, options: ParseVmScenarioOptions = {}): VmScenario {
  const { format = 'vmr2l', ...rest } = options;
  return format === 'azure-vmtable' ? parseAzureVmtable(text, rest) : parseVmr2l(text, { source: rest.source, name: rest.name });
}

export { parseVmr2l } from './vmr2l';
export { parseAzureVmtable, AZURE_VMTABLE_COLUMNS, type AzureVmtableOptions } from './azure-vmtable';
export { parseAlibaba2018, ALIBABA_MACHINE_COLUMNS, ALIBABA_CONTAINER_COLUMNS, type AlibabaFiles, type Alibaba2018Options } from './alibaba-2018';
