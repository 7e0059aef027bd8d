import { ENGINES } from '../../engine';
import type { ParameterSpec } from '../../engine/core/params';
import { SCHEMES } from '../../engine/jobshop/run-types';
import type { Command } from './command';
import { engineFor, type JobshopEngine } from './engines';
import { colorWanted, createStyle, type Style } from './format/style';
import { renderTable } from './format/table';
import { flag, parseOptions, type OptionSpec } from './options';
import { listVm } from './vm-commands';
import { listLlm } from './llm-commands';

const OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } satisfies OptionSpec;

const USAGE = `Usage: schedlab list [jobshop | vm | llm] [--json]

Without an engine, lists the engines. With one, lists its catalogue instances and built-in policies. With --json, prints one object
{ scenarios: [{ id, label, jobs, machines, family, description }], policies: [{ id, label, description, paper, params }] }.`;

type Entry = JobshopEngine['catalogue'][number];

function listPayload(engine: JobshopEngine) {
  return {
    engine: engine.id,
    engineVersion: engine.version,
    scenarios: engine.catalogue.map(({ id, label, jobs, machines, family, description }) => ({ id, label, jobs, machines, family, description })),
    policies: engine.policies.map(({ id, label, description, paper, params }) => ({ id, label, description, paper, params: params ?? [] })),
    schemes: SCHEMES,
    formats: engine.formats,
  };
}

/** Consecutive entries of one family and size share a row ("ta01 … ta10"), so 80 Taillard instances fit a screen. */
function scenarioRows(catalogue: readonly Entry[]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < catalogue.length; ) {
    const first = catalogue[i];
    let last = i;
    while (
      last + 1 < catalogue.length &&
      catalogue[last + 1].family === first.family &&
      catalogue[last + 1].jobs === first.jobs &&
      catalogue[last + 1].machines === first.machines &&
      catalogue.length > 12
    ) {
      last++;
    }
    const ids = last > i ? `${first.id} … ${catalogue[last].id}` : first.id;
    // Group rows describe the group (dropping the per-instance seeds); single rows describe the instance.
    const text = last > i ? `${last - i + 1} instances: ${first.description.replace(/,\s*seeds?\b.*$/, '')}` : first.description;
    rows.push([ids, `${first.jobs} × ${first.machines}`, text]);
    i = last + 1;
  }
  return rows;
}

function describeParams(params: readonly ParameterSpec[] | undefined): string {
  return (params ?? []).map((p) => `${p.name}=${p.default} [${p.min}, ${p.max}]`).join(' ');
}

function renderList(engine: JobshopEngine, style: Style): string {
  const out: string[] = [];
  out.push(style.bold(`Scenarios (${engine.catalogue.length})`) + style.dim('  use with --scenario <id>'));
  out.push(renderTable([{ header: 'id' }, { header: 'size', align: 'right' }, { header: 'what' }], scenarioRows(engine.catalogue), style));
  out.push('');
  out.push(style.bold(`Policies (${engine.policies.length})`) + style.dim('  use with --policy <id>'));
  const rows = engine.policies.map((p) => [p.id, p.label, p.description]);
  out.push(renderTable([{ header: 'id' }, { header: 'label' }, { header: 'description' }], rows, style));
  out.push('');
  const withParams = engine.policies.filter((p) => (p.params ?? []).length > 0);
  if (withParams.length > 0) {
    out.push(style.bold('Parameters') + style.dim('  use with --param name=value; shown as name=default [min, max]'));
    for (const p of withParams) out.push(`  ${p.id.padEnd(8)}  ${describeParams(p.params)}`);
    out.push('');
  }
  out.push(style.dim(`Schemes: ${SCHEMES.join(', ')}. Scenario file formats: ${engine.formats.join(', ')}.`));
  return out.join('\n');
}

export const listCommand: Command = {
  name: 'list',
  summary: 'list scenarios and policies',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseOptions('list', args, OPTIONS, 1);
    if (flag(values, 'help')) {
      io.out(USAGE);
      return 0;
    }
    if (positionals[0] === undefined) {
      const engines = ENGINES.map(({ id, title, version }) => ({ id, title, version }));
      if (flag(values, 'json')) io.out(JSON.stringify({ engines }));
      else io.out(engines.map((e) => `${e.id.padEnd(10)} ${e.title} (version ${e.version})`).join('\n'));
      return 0;
    }
    if (positionals[0] === 'vm') return listVm(flag(values, 'json'), io);
    if (positionals[0] === 'llm') return listLlm(flag(values, 'json'), io);
    const engine = engineFor('list', positionals[0]);
    if (flag(values, 'json')) io.out(JSON.stringify(listPayload(engine)));
    else io.out(renderList(engine, createStyle(colorWanted(process.stdout))));
    return 0;
  },
};
