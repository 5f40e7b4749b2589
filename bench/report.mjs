// Turns bench/results/*.json into bench/results/README.md (tables, targets met or missed) and
// bench/results/chart.svg (jwt-wasm's speed ratio to each peer, per case, log scale). Each
// runtime's runs (<runtime>-<n>.json) become one: every figure is the median over the runs of
// that run's median, shown with the lowest and highest run; the merged view is also written to
// <runtime>.json.
// Usage: node bench/report.mjs
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { median, resultsDir as dir } from './stats.mjs';

const files = existsSync(dir) ? readdirSync(dir) : [];
const read = (name) => {
  const url = new URL(`${name}.json`, dir);
  return existsSync(url) ? JSON.parse(readFileSync(url, 'utf8')) : null;
};
/** Every run of one runtime, in run order. */
const runsOf = (runtime) =>
  files
    .map((file) => file.match(new RegExp(`^${runtime}-(\\d+)\\.json$`)))
    .filter(Boolean)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => JSON.parse(readFileSync(new URL(match[0], dir), 'utf8')));
const perRun = ['node', 'deno', 'bun'].map(runsOf).filter((runs) => runs.length > 0);
const cold = read('cold-start');
const size = read('size');
const memory = read('memory');
if (perRun.length === 0) throw new Error('no results: run npm run bench (or node bench/bench.mjs) first');

const ops = (ns) => Math.round(1e9 / ns).toLocaleString('en-US');
const x = (ratio) => `${ratio.toFixed(2)}x`;
/** The row of `lib` whose variant is `variant` exactly (no prefix: "jwtVerify, CryptoKey" must not
 * find "jwtVerify, CryptoKey, 8 calls in flight" in a run without it); undefined if none. */
const row = (run, caseId, lib, variant) =>
  run.cases.find((c) => c.id === caseId)?.rows.find((r) => r.lib === lib && r.variant === variant);

/** One runtime's runs as one: each row's time and speedup are medians over the runs. */
function merge(runs) {
  const [first] = runs;
  // Every case and row of any run, in the order first met (a row missing from the first run,
  // say a peer that failed to load there, is kept from the runs that have it).
  const cases = [];
  for (const run of runs) {
    for (const c of run.cases) {
      let merged = cases.find((k) => k.id === c.id);
      if (!merged) cases.push((merged = { ...c, rows: [] }));
      for (const r of c.rows) if (!merged.rows.some((k) => k.lib === r.lib && k.variant === r.variant)) merged.rows.push(r);
    }
  }
  return { ...first, runs: runs.length, cases: cases.map((c) => ({
    ...c,
    rows: c.rows.map((r) => {
      const same = runs.map((run) => row(run, c.id, r.lib, r.variant)).filter(Boolean);
      const speedups = same.map((k) => k.jwtWasmSpeedup);
      return {
        ...r,
        medianNs: median(same.map((k) => k.medianNs)),
        jwtWasmSpeedup: median(speedups),
        speedupRange: [Math.min(...speedups), Math.max(...speedups)],
        runs: same.length,
        samples: same.reduce((sum, k) => sum + k.samples, 0),
      };
    }),
  })) };
}
const runs = perRun.map(merge);
for (const run of runs) writeFileSync(new URL(`${run.runtime}.json`, dir), `${JSON.stringify(run, null, 1)}\n`);

/** Each target: a name, a required ratio, and how to read the measured ratio from one run. */
const targets = [
  ['prepared HS256 verify vs fast-jwt (cache off)', 3, (r) => row(r, 'verify-hs256', 'fast-jwt', 'createVerifier, cache off')?.jwtWasmSpeedup],
  ['prepared HS256 verify vs jose (CryptoKey, awaited one call at a time)', 10, (r) => row(r, 'verify-hs256', 'jose', 'jwtVerify, CryptoKey')?.jwtWasmSpeedup],
  ['prepared HS256 verify vs jose (CryptoKey, 8 calls in flight)', 10, (r) => row(r, 'verify-hs256', 'jose', 'jwtVerify, CryptoKey, 8 calls in flight')?.jwtWasmSpeedup],
  ['one-shot jwtVerify, the same secret each call, vs fast-jwt (prepared, cache off)', 2, (r) => {
    const ours = row(r, 'verify-hs256-oneshot', 'jwt-wasm', 'jwtVerify(token, secret), the same secret each call')?.medianNs;
    const theirs = row(r, 'verify-hs256', 'fast-jwt', 'createVerifier, cache off')?.medianNs;
    return ours && theirs ? theirs / ours : undefined;
  }],
  ['one-shot jwtVerify, two secrets in turn, vs fast-jwt (prepared, cache off)', 2, (r) => {
    const ours = row(r, 'verify-hs256-oneshot', 'jwt-wasm', 'jwtVerify(token, secret), two secrets in turn')?.medianNs;
    const theirs = row(r, 'verify-hs256', 'fast-jwt', 'createVerifier, cache off')?.medianNs;
    return ours && theirs ? theirs / ours : undefined;
  }],
  ['2 KB token verify vs fast-jwt (cache off)', 1.5, (r) => row(r, 'verify-hs256-2k', 'fast-jwt', 'createVerifier, cache off')?.jwtWasmSpeedup],
  ['HS512 verify vs fast-jwt (cache off)', 1.5, (r) => row(r, 'verify-hs512', 'fast-jwt', 'createVerifier, cache off')?.jwtWasmSpeedup],
  ['decodeJwt vs the fastest JS decoder', 1, (r) => {
    const rows = r.cases.find((c) => c.id === 'decode-400')?.rows.filter((p) => p.lib !== 'jwt-wasm') ?? [];
    return rows.length ? Math.min(...rows.map((p) => p.jwtWasmSpeedup)) : undefined;
  }],
  ['decodeJwt vs jwt-decode', 10, (r) => row(r, 'decode-400', 'jwt-decode', 'jwtDecode')?.jwtWasmSpeedup],
  ['sign vs fast-jwt createSigner', 2, (r) => row(r, 'sign-hs256', 'fast-jwt', 'createSigner')?.jwtWasmSpeedup],
  ['prepared verify within 1.5x of the HMAC floor: the same call with only the HS256 MAC check (floor time / verify time >= 1/1.5)', 1 / 1.5, (r) => row(r, 'verify-hs256', 'jwt-wasm', 'floor: HS256 signature only')?.jwtWasmSpeedup],
];

const lines = [];
const first = runs[0];
lines.push('# jwt-wasm benchmark results', '');
lines.push(`Machine: ${first.machine.model}, ${first.machine.cpus} cores, ${first.machine.platform}. Date: ${first.date.slice(0, 10)}.`);
lines.push(`Command: \`npm run bench\`. Each runtime ran several times in fresh processes (${runs.map((r) => `${r.runtime}: ${r.runs}`).join(', ')}), the runtimes taking turns; in each run every case had ${first.settings.warmupRounds} warm-up and ${first.settings.rounds} timed rounds of ~${first.settings.batchMs} ms batches, cases shuffled each round. Figures are medians over the runs of each run's median, with the lowest and highest run beside them: this shared 2-core machine is noisy. "jwt-wasm speedup" is the peer's time divided by jwt-wasm's (above 1: jwt-wasm is faster), jwt-wasm's first variant in the case unless another is named ("vs jwt-wasm createVerifier, cache on" compares cache on with cache on).`, '');

lines.push('## Targets', '');
lines.push(`| target | needed | ${runs.map((r) => `${r.runtime} ${r.version}`).join(' | ')} |`);
lines.push(`|---|---:|${runs.map(() => '---:|').join('')}`);
for (const [name, needed, measure] of targets) {
  const cells = perRun.map((each) => {
    const values = each.map(measure).filter((value) => value !== undefined);
    if (values.length === 0) return 'n/a';
    const value = median(values);
    const range = values.length > 1 ? ` (${x(Math.min(...values))} to ${x(Math.max(...values))})` : '';
    return `${x(value)} ${value >= needed ? 'met' : '**missed**'}${range}`;
  });
  lines.push(`| ${name} | ${x(needed)} | ${cells.join(' | ')} |`);
}
if (size) {
  const ours = size.find((s) => s.lib === 'jwt-wasm');
  lines.push(`| browser download (JS + wasm, gzip) at most 20 KB | 20,480 B | ${ours.total.gzip.toLocaleString('en-US')} B ${ours.total.gzip <= 20480 ? 'met' : '**missed**'} |`);
}
if (memory) {
  lines.push(`| wasm memory (and the table of JS values it holds) unchanged after ${memory.count.toLocaleString('en-US')} mixed verifies | equal | ${memory.wasmMemoryBefore} -> ${memory.wasmMemoryAfter} B (${memory.externrefTableBefore} -> ${memory.externrefTableAfter} slots) ${memory.grew ? '**missed**' : 'met'} |`);
}
lines.push('');

for (const run of runs) {
  lines.push(`## ${run.runtime} ${run.version}`, '');
  lines.push('| case | library (variant) | ops/s | jwt-wasm speedup | lowest and highest run |', '|---|---|---:|---:|---:|');
  for (const c of run.cases) {
    for (const r of c.rows) {
      const versus = r.versus === undefined ? '' : ` (vs jwt-wasm ${r.versus})`;
      const [low, high] = r.speedupRange;
      const partial = r.runs < run.runs ? ` (in ${r.runs} of ${run.runs} runs)` : '';
      lines.push(`| ${c.title} | ${r.lib} (${r.variant}) | ${ops(r.medianNs)} | ${x(r.jwtWasmSpeedup)}${versus} | ${x(low)} to ${x(high)}${partial} |`);
    }
  }
  lines.push('');
}
if (cold) {
  lines.push(`## Cold start (Node ${cold.node}): import to first verified token, fresh process`, '');
  lines.push('| library | median | min | max |', '|---|---:|---:|---:|');
  for (const r of cold.results) lines.push(`| ${r.lib} | ${r.medianMs.toFixed(1)} ms | ${r.minMs.toFixed(1)} ms | ${r.maxMs.toFixed(1)} ms |`);
  lines.push('');
}
if (size) {
  lines.push('## What a browser downloads', '');
  lines.push('| library | what | raw bytes | gzip -9 bytes |', '|---|---|---:|---:|');
  for (const s of size) lines.push(`| ${s.lib} | ${s.what} | ${s.total.raw.toLocaleString('en-US')} | ${s.total.gzip.toLocaleString('en-US')} |`);
  lines.push('');
}
writeFileSync(new URL('README.md', dir), `${lines.join('\n')}\n`);

// The chart: one bar per (case, peer) from the first runtime, log10 of jwt-wasm's speedup.
const bars = first.cases.flatMap((c) =>
  c.rows.filter((r) => r.lib !== 'jwt-wasm').map((r) => ({
    label: `${c.id}: ${r.lib} (${r.variant})${r.versus === undefined ? '' : ` vs jwt-wasm ${r.versus.replace(/^createVerifier, /, '')}`}`,
    ratio: r.jwtWasmSpeedup,
  })));
const width = 960;
const labelWidth = 480;
const barHeight = 18;
const top = 40;
const height = top + bars.length * (barHeight + 4) + 40;
const span = Math.max(1.5, ...bars.map((b) => Math.abs(Math.log10(b.ratio))));
const center = labelWidth + (width - labelWidth - 20) / 2;
const scale = (width - labelWidth - 100) / 2 / span;
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
  `<rect width="100%" height="100%" fill="#fff"/>`,
  `<text x="10" y="20" font-size="14" font-weight="bold">jwt-wasm speedup over each peer (${escape(first.runtime)} ${escape(first.version)}, log scale; right of the line: jwt-wasm faster)</text>`,
  ...bars.flatMap((b, i) => {
    const y = top + i * (barHeight + 4);
    const length = Math.log10(b.ratio) * scale;
    const fill = b.ratio >= 1 ? '#2e7d32' : '#c62828';
    return [
      `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escape(b.label)}</text>`,
      `<rect x="${Math.min(center, center + length)}" y="${y}" width="${Math.max(1, Math.abs(length))}" height="${barHeight}" fill="${fill}"/>`,
      `<text x="${length >= 0 ? center + length + 4 : center + length - 4}" y="${y + 13}" text-anchor="${length >= 0 ? 'start' : 'end'}">${x(b.ratio)}</text>`,
    ];
  }),
  `<line x1="${center}" y1="${top - 6}" x2="${center}" y2="${height - 30}" stroke="#333"/>`,
  `<text x="${center}" y="${height - 14}" text-anchor="middle">1x (same speed)</text>`,
  '</svg>',
].join('\n');
writeFileSync(new URL('chart.svg', dir), `${svg}\n`);
console.log(lines.slice(0, 20).join('\n'));
