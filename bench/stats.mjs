// The statistics, and the results folder, the benchmark scripts share.
import { pathToFileURL } from 'node:url';

/** Where the results, the report and the chart go: bench/results/, or the folder BENCH_RESULTS
 * names (the package tests' smoke run writes to a temporary one). */
export const resultsDir = process.env.BENCH_RESULTS ? pathToFileURL(`${process.env.BENCH_RESULTS}/`) : new URL('./results/', import.meta.url);

/** The median of `values` (the mean of the two middle ones for an even count). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `items` shuffled in place by a seeded generator (the same seed, the same order). */
export function shuffle(items, seed) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
