import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The deploy recipes of docs/publishing.md: the GitHub Pages workflow is valid
 * (checked against GitHub's workflow schema by action-validator) and builds
 * with the address Pages serves the site from; Netlify and Cloudflare Pages
 * publish the folder the build writes.
 */

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the GitHub Pages workflow', () => {
  const source = read('.github/workflows/deploy-pages.yml');

  it('is a valid workflow', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('builds with npm run build for the address and sub-path Pages gives, and publishes dist/', () => {
    type Step = { id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };
    const workflow = parse(source) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    const steps = workflow.jobs['build']!.steps;
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
    const build = steps.find((s) => s.run === 'npm run build');
    expect(pages?.id).toBeTruthy();
    expect(build?.env).toEqual({ SITE_URL: `\${{ steps.${pages!.id}.outputs.origin }}`, BASE_PATH: `\${{ steps.${pages!.id}.outputs.base_path }}` });
    expect(steps.indexOf(pages!)).toBeLessThan(steps.indexOf(build!));
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
    expect(workflow.jobs['deploy']!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});

describe('Netlify and Cloudflare Pages', () => {
  it('build with npm run build and publish dist/', () => {
    const netlify = read('netlify.toml');
    expect(netlify).toMatch(/^\s*command = ".*npm run build"$/m);
    expect(netlify).toMatch(/^\s*publish = "dist"$/m);
    expect(read('wrangler.toml')).toMatch(/^pages_build_output_dir = "\.\/dist"$/m);
  });
});
