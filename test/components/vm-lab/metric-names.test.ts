import { describe, expect, it } from 'vitest';
import { formatMetric, formatNotes, metricColumn, readableName } from '../../../components/vm-lab/metric-names';

describe('metric and note names in the VM lab', () => {
  it('reads acronyms as acronyms and known metrics with short headers in their group', () => {
    expect(readableName('pmsUsedBefore')).toBe('PMs used before');
    expect(readableName('mipStatus')).toBe('MIP status');
    expect(readableName('someNewMetric')).toBe('Some new metric');
    expect(metricColumn('frPlanned')).toMatchObject({ header: 'FR planned', group: 'Drift' });
    expect(metricColumn('unplaced')).toMatchObject({ header: 'Unplaced', group: 'Placement' });
    expect(formatMetric('decisionSeconds', 0.0125)).toBe('0.013 s');
    expect(formatMetric('dropped', 3)).toBe('3');
  });

  it('shows the MIP notes as a reader wants them', () => {
    const notes = formatNotes({ mipStatus: 'Optimal', mipGap: 0, mipObjective: 351, provenOptimal: true, ratio: 1 / 3 });
    expect(notes.map((n) => n.text)).toEqual(['MIP status: Optimal', 'MIP gap: 0', 'MIP objective: 351', 'proven optimal', 'Ratio: 0.3333']);
    expect(formatNotes({ provenOptimal: false, mipGap: NaN }).map((n) => n.text)).toEqual(['not proven optimal', 'MIP gap: –']);
  });
});
