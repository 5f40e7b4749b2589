// The .d.ts as a strict TypeScript consumer meets it, under both module resolutions users pick.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

for (const resolution of ['bundler', 'nodenext']) {
  test(`a strict consumer type-checks with moduleResolution ${resolution}`, () => {
    const project = new URL(`./types/tsconfig.${resolution}.json`, import.meta.url).pathname;
    const run = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
}
