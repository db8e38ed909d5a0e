import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { allPages, fileForUrl } from '../support/html.ts';
import { siteBuild } from '../support/sites.ts';

/** Every built page passes html-validate (its recommended rules; see .htmlvalidate.json) with no errors. */

const validator = new HtmlValidate(new FileSystemConfigLoader());

describe('valid HTML', () => {
  for (const name of ['site', 'good', 'subpath', 'edge']) {
    it(`every page of the "${name}" build`, async () => {
      const build = siteBuild(name);
      expect(build.exitCode, build.output).toBe(0);
      const pages = allPages(build.outDir);
      expect(pages.length).toBeGreaterThan(3);
      const problems: string[] = [];
      for (const page of pages) {
        const report = await validator.validateFile(fileForUrl(build.outDir, page));
        for (const result of report.results) {
          for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
