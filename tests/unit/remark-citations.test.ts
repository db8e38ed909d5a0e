import { describe, expect, it } from 'vitest';
import type { NoteCatalog } from '../../src/plugins/remark-citations.ts';
import remarkCitations from '../../src/plugins/remark-citations.ts';
import remarkClaims from '../../src/plugins/remark-claims.ts';
import { errorOf, renderMdx } from '../support/render-mdx.ts';

const catalog: NoteCatalog = new Map(
  ['format-collapse', 'sparse-parameter-updates', 'what-rl-changes'].map((id) => [id, { id, title: `Title of ${id}?`, file: `content/notes/${id}.mdx` }]),
);
const options = { root: '/project', notes: () => catalog, noteHref: (id: string) => `/notes/${id}/` };
const plugins = [[remarkCitations, options], [remarkClaims, { root: '/project' }]] as const;
const render = (md: string) => renderMdx(md, [...plugins] as never);

describe('remark-citations', () => {
  it('turns a citation into a numbered marker that links to the note', async () => {
    const { html } = await render('Formats collapse [@format-collapse].');
    expect(html).toBe(
      '<p>Formats collapse<sup class="citation" data-pagefind-ignore="">[<a href="/notes/format-collapse/" id="cite-format-collapse-1" class="citation-link" data-note="format-collapse" aria-label="Source 1: Title of format-collapse?">1</a>]</sup>.</p>',
    );
  });

  it('numbers notes by first appearance and groups side-by-side citations', async () => {
    const { html, derived } = await render('A [@what-rl-changes]. B [@format-collapse] [@what-rl-changes; @sparse-parameter-updates].');
    expect(derived.citations.map((c) => `${c.note}:${c.number}:${c.occurrence}`)).toEqual([
      'what-rl-changes:1:1',
      'format-collapse:2:1',
      'what-rl-changes:1:2',
      'sparse-parameter-updates:3:1',
    ]);
    const markers = [...html.matchAll(/<sup[^>]*>(.*?)<\/sup>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(markers).toEqual(['[1]', '[1, 2, 3]']);
  });

  it('records the citing sentence and where the cited id is', async () => {
    const { derived } = await render('Intro.\n\nFirst point holds [@format-collapse]. Second point.');
    expect(derived.citations[0]).toMatchObject({ sentence: 'First point holds.', line: 3, column: 20, markerId: 'cite-format-collapse-1' });
  });

  it('fails on an unknown note with its line, column and the closest ids', async () => {
    const message = await errorOf(() => render('Fine.\n\nBroken [@format-colapse] and [@nothing-like-it].'));
    expect(message).toBe(
      'Citations in content/essays/test.mdx could not be resolved. (2 problems)\n\n' +
        'content/essays/test.mdx:3:9: The citation [@format-colapse] names a note that does not exist.\n  Did you mean "format-collapse"?\n\n' +
        'content/essays/test.mdx:3:31: The citation [@nothing-like-it] names a note that does not exist.\n  Cite a note by its file name in content/notes/ without ".mdx", or add the note.',
    );
  });

  it('points at the right id inside a group', async () => {
    const message = await errorOf(() => render('X [@format-collapse; @whatrl-changes].'));
    expect(message).toContain('content/essays/test.mdx:1:22: The citation [@whatrl-changes] names a note that does not exist.\n  Did you mean "what-rl-changes"?');
  });

  it('reports a malformed citation', async () => {
    const message = await errorOf(() => render('X [@format-collapse; see p. 4].'));
    expect(message).toContain('content/essays/test.mdx:1:3: The citation [@format-collapse; see p. 4] holds "see p. 4", which is not a note id written as @note-id.');
  });

  it('keeps an escaped citation as text', async () => {
    const { html, derived } = await render('Write \\[@format-collapse] to cite.');
    expect(html).toBe('<p>Write [@format-collapse] to cite.</p>');
    expect(derived.citations).toEqual([]);
  });

  it('refuses a citation inside a link', async () => {
    const message = await errorOf(() => render('See [the note [@format-collapse]](https://example.org).'));
    expect(message).toContain('A citation sits inside a link');
  });
});
