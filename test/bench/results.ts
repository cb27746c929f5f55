// Where the bench's figures go. Each measure calls `record` once with what it measured (a JSON line
// appended to bench/run/figures.jsonl, an artefact of the run); the Node benches leave vitest's own
// JSON there. After the measure project, `teardown` (its globalSetup) prints the one table and,
// when `npm run bench` asks for it (BENCH_RESULTS), writes bench/results.json: the latest table.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './table'; // a type only: table.ts reads stats.ts, which records here

const RUN_DIR = path.resolve('bench/run');
const FIGURES = path.join(RUN_DIR, 'figures.jsonl');
/** Written by `vitest bench --outputJson` in `npm run bench`. */
const NODE_BENCH = path.join(RUN_DIR, 'node-bench.json');

export function record(figure: Figure): void {
  fs.mkdirSync(RUN_DIR, { recursive: true });
  fs.appendFileSync(FIGURES, `${JSON.stringify(figure)}\n`);
}

interface NodeBenchReport { files: { filepath: string; groups: { benchmarks: { name: string; median: number; sampleCount: number }[] }[] }[] }

function recorded(): Figure[] {
  const figures: Figure[] = fs.existsSync(FIGURES)
    ? fs.readFileSync(FIGURES, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Figure)
    : [];
  if (fs.existsSync(NODE_BENCH)) {
    const report = JSON.parse(fs.readFileSync(NODE_BENCH, 'utf8')) as NodeBenchReport;
    // kpi.bench.ts puts the budgeted case (every rating scored) first.
    const kpi = report.files.find((f) => f.filepath.endsWith('kpi.bench.ts'))?.groups[0]?.benchmarks[0];
    if (kpi) figures.push({ measure: 'kpi', medianMs: kpi.median, samples: kpi.sampleCount });
  }
  return figures;
}

export async function teardown(): Promise<void> {
  const out = process.env.BENCH_RESULTS;
  if (!out) return; // a single measure run by hand prints its own lines; no table
  const { buildTable, formatTable } = await import('./table');
  const figures = recorded();
  const rows = buildTable(figures);
  const commit = (() => { try { return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim(); } catch { return null; } })();
  const machine = { cores: os.cpus().length, loadAverage1m: Number(os.loadavg()[0]!.toFixed(1)) };
  fs.writeFileSync(path.resolve(out), `${JSON.stringify({ at: new Date().toISOString(), commit, machine, rows, figures }, null, 2)}\n`);
  console.log(`\nBudgets (${commit ?? 'no commit'}, load average ${machine.loadAverage1m} on ${machine.cores} cores at the end):\n\n${formatTable(rows)}\nwritten to ${out}`);
}
