import { describe, expect, it } from 'vitest';
import { starlightDoc } from '../starlight-docs.ts';
import { editedNote } from '../workspace.ts';

/** The same corpus as ordinary Starlight pages. */

const titles = new Map([
  ['alpha', 'Does alpha work?'],
  ['beta', 'Is beta *better*?'],
]);

const essay = `---
title: "Why alpha?"
standfirst: "A standfirst."
published: 2026-01-01
---

<Claim id="first">Alpha works [@alpha].</Claim> <Claim id="second">Both agree [@alpha; @beta].</Claim>

Plain text with \\[@not-a-citation].
`;

const note = `---
title: "Does alpha work?"
themes: [exploration, curriculum]
papers:
  - title: "Alpha: A Study"
    firstAuthor: Ada Lovelace
    year: 2025
    arxiv: "2501.00001"
---

It works.
`;

describe('starlightDoc', () => {
  it('turns an essay into a page: title, standfirst, no claims, numbered citation links and a Sources list', () => {
    const doc = starlightDoc({ kind: 'essay', source: essay, noteTitles: titles, notesPath: '/notes/' });
    expect(doc).toBe(`---
title: "Why alpha?"
description: "A standfirst."
---

A standfirst.

Alpha works <sup>[1](/notes/alpha/)</sup>. Both agree <sup>[1](/notes/alpha/), [2](/notes/beta/)</sup>.

Plain text with \\[@not-a-citation].

## Sources

1. [Does alpha work?](/notes/alpha/)
2. [Is beta \\*better\\*?](/notes/beta/)
`);
  });

  it('turns a note into a page with its themes and paper above the summary', () => {
    const doc = starlightDoc({ kind: 'note', source: note, noteTitles: titles, notesPath: '/notes/' });
    expect(doc).toBe(`---
title: "Does alpha work?"
---

**Themes:** exploration, curriculum

**Paper:** Ada Lovelace et al. (2025). *Alpha: A Study*. [arXiv:2501.00001](https://arxiv.org/abs/2501.00001)

It works.
`);
  });
});

describe('editedNote', () => {
  it('adds one sentence to the summary, different for each run', () => {
    const once = editedNote(note, 1);
    expect(once.startsWith(note.trimEnd())).toBe(true);
    expect(once).not.toBe(editedNote(note, 2));
  });

  it('replaces the sentence an earlier run added, so a note edited three times differs from the original by one sentence', () => {
    expect(editedNote(editedNote(editedNote(note, 1), 2), 3)).toBe(editedNote(note, 3));
  });
});
