/** The VMR2L sample under shared/data/vm (test-only: the engine never touches the file system). */
import { readFileSync } from 'node:fs';
import { parseVmr2l } from '../../../engine/vm/parsers/vmr2l';
import type { VmScenario } from '../../../engine/vm/model';

export const SAMPLE_FILE = 'vmr2l_M_reset_vm_pm0.json';
export const SAMPLE_TEXT = readFileSync(new URL(`../../../../shared/data/vm/${SAMPLE_FILE}`, import.meta.url), 'utf8');

let cached: VmScenario | undefined;
export function loadSample(): VmScenario {
  cached ??= parseVmr2l(SAMPLE_TEXT, { source: SAMPLE_FILE });
  return cached;
}
