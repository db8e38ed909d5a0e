import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT } from '../support/sites.ts';

it('type-checks with astro check (strictest TypeScript): 0 errors, 0 warnings', () => {
  const result = spawnSync(process.execPath, [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'check'], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(output, output).toMatch(/- 0 errors\n- 0 warnings/);
  expect(result.status, output).toBe(0);
}, 180_000);
