// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderFrCurve } from '../../components/charts/fr-curve';
import { renderMnlSweep } from '../../components/charts/mnl-sweep';
import { seriesColor, seriesDash } from '../../components/charts/line-frame';

afterEach(() => document.body.replaceChildren());

const greedy = { id: 'a', label: 'Greedy', values: [0.6, 0.55, 0.5, 0.46] };
const ffd = { id: 'b', label: 'FFD', values: [0.6, 0.58, 0.52] };

describe('FR curve renderer', () => {
  it('draws one line per run with a point per migration, the selected run last and bold, and the step marker on it', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const handle = renderFrCurve(container, { series: [greedy, ffd], selectedId: 'a', step: 2 });
    const groups = [...container.querySelectorAll<SVGGElement>('.fr-series')];
    expect(groups.map((g) => g.dataset.series)).toEqual(['b', 'a']);
    expect(groups[1].dataset.selected).toBe('true');
    expect(groups[1].querySelectorAll('circle')).toHaveLength(4);
    expect(groups[0].querySelectorAll('circle')).toHaveLength(3);
    expect(groups[1].querySelector('path')!.getAttribute('stroke-width')).toBe('2.6');
    expect(groups[1].querySelector('title')!.textContent).toBe('Greedy: FR 0.6000 after 0 migrations');
    const step = container.querySelector<SVGGElement>('.fr-step')!;
    expect(step.dataset.step).toBe('2');
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('FR after each migration, 2 runs');
    expect(container.querySelector('.chart-legend')!.textContent).toContain('Greedy: 0.600 → 0.460');
    handle.update({ series: [greedy], selectedId: 'a', step: null });
    expect(container.querySelectorAll('.fr-series')).toHaveLength(1);
    expect(container.querySelector('.fr-step')).toBeNull();
    handle.destroy();
    expect(container.children).toHaveLength(0);
  });

  it('tells series apart by colour and by dash pattern, skipping the hard-to-see yellow', () => {
    const colours = Array.from({ length: 6 }, (_, i) => seriesColor(i));
    expect(new Set(colours).size).toBe(6);
    expect(colours).not.toContain('#F0E442');
    expect(seriesDash(0)).toBe('');
    expect(seriesDash(6)).not.toBe('');
  });
});

describe('MNL sweep renderer', () => {
  const series = [
    { id: 'greedy', label: 'Greedy', points: [{ mnl: 10, migrations: 10, frAfter: 0.5 }, { mnl: 0, migrations: 0, frAfter: 0.6 }, { mnl: 20, migrations: 14, frAfter: 0.45 }] },
    { id: 'bfd', label: 'BFD', points: [{ mnl: 0, migrations: 0, frAfter: 0.6 }, { mnl: 10, migrations: 10, frAfter: 0.52 }] },
  ];

  it('draws a line and a point per run for each policy, x = migrations used, with a title per point', () => {
    const container = document.body.appendChild(document.createElement('div'));
    renderMnlSweep(container, { series }, { x: 'migrations' });
    const groups = [...container.querySelectorAll<SVGGElement>('.sweep-series')];
    expect(groups.map((g) => g.dataset.series)).toEqual(['greedy', 'bfd']);
    expect(groups[0].querySelectorAll('.sweep-point')).toHaveLength(3);
    // Points walk the sweep in MNL order.
    expect([...groups[0].querySelectorAll('title')].map((t) => t.textContent)).toEqual([
      'Greedy: MNL 0 → 0 migrations, FR 0.6000',
      'Greedy: MNL 10 → 10 migrations, FR 0.5000',
      'Greedy: MNL 20 → 14 migrations, FR 0.4500',
    ]);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain('against migrations used, 2 policies');
    expect(container.querySelector('.chart-legend')!.textContent).toBe('GreedyBFD');
  });

  it('puts the MNL given on the x axis when asked', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const handle = renderMnlSweep(container, { series }, { x: 'migrations' });
    const cx = () => [...container.querySelectorAll('.sweep-series')[0].querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    const byMigrations = cx();
    handle.update({ series }, { x: 'mnl' });
    const byMnl = cx();
    // Greedy stopped at 14 migrations with MNL 20: the axis now ends at 20, so the MNL-10 point moves left.
    expect(byMnl[1]).toBeLessThan(byMigrations[1]);
    expect(byMnl[0]).toBe(byMigrations[0]);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain('against MNL');
  });
});
