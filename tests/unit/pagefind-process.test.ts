import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { startPagefind } from '../../src/integrations/pagefind.ts';

/**
 * Pagefind's process is started with its allocator told to give freed memory
 * back at once (src/integrations/pagefind.ts): a third less memory at the
 * peak of the build. The variable only works while Pagefind's binary reads
 * it, so the binary is checked too: a Pagefind release on another allocator
 * would make the setting a dead letter, silently.
 */

const SETTING = '_RJEM_MALLOC_CONF=dirty_decay_ms:0,muzzy_decay_ms:0';

/** The processes this one started whose program's name begins with `name`. */
function childrenNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && comm.startsWith(name);
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

describe.skipIf(process.platform !== 'linux')("Pagefind's process", () => {
  afterAll(() => pagefind.close());

  it('gets the allocator setting, and this process keeps its environment as it was', async () => {
    const before = process.env._RJEM_MALLOC_CONF;
    const running = new Set(childrenNamed('pagefind'));
    const created = startPagefind();
    expect(process.env._RJEM_MALLOC_CONF).toBe(before);
    const [pid] = childrenNamed('pagefind').filter((p) => !running.has(p));
    expect(pid, 'no Pagefind process was started').toBeDefined();
    expect(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')).toContain(SETTING);
    // The binary reads the variable by this name (the prefix of the Rust crate that links jemalloc in).
    expect(readFileSync(readlinkSync(`/proc/${pid}/exe`)).includes(SETTING.split('=')[0]!)).toBe(true);
    expect((await created).errors).toEqual([]);
  });
});
