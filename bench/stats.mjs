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
