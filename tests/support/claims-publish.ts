import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT } from './sites.ts';

/**
 * Runs the real `npm run claims:publish` (tools/publish-claims.ts) on a content
 * folder, as an author does before building: its exit code and everything it
 * printed. Never throws, so tests can check a refusal too.
 */
export async function runClaimsPublish(contentDir: string, args: readonly string[] = []): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(PROJECT, 'tools', 'publish-claims.ts'), ...args], { cwd: PROJECT, env: { ...process.env, CONTENT_DIR: contentDir } });
    return { code: 0, out: stdout };
  } catch (error) {
    const { code, stdout = '', stderr = '', message } = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof code === 'number' ? code : 1, out: stdout + stderr || message };
  }
}
