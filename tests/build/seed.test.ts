import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPage, normalizeText } from '../support/html.ts';
import { PROJECT, siteBuild, type SiteBuild } from '../support/sites.ts';

/**
 * The published essay says exactly what the seed says (tests/fixtures/seed is
 * a copy of it): every sentence word for word, and every citation pointing at
 * its own note. The seed writes a citation as the note's title inside the
 * sentence; the site writes a numbered marker.
 */

const seedLines = readFileSync(join(PROJECT, 'tests/fixtures/seed/answer.txt'), 'utf8').split('\n');
const papers = JSON.parse(readFileSync(join(PROJECT, 'tests/fixtures/seed/papers.json'), 'utf8')) as {
  notes: { note: number; paper?: Paper; synthesis?: boolean; draws_on?: Paper[] }[];
};
interface Paper { title: string; first_author: string; year: number; arxiv: string }

// The seed README's table: note n's title is cited in essay line `line`; its summary is seed line 8 + n.
const titles = [
  'Does RL training collapse format diversity in pretrained models?',
  'Does reinforcement learning update only a small fraction of parameters?',
  'What actually changes inside a model during RL training?',
  'Does RLVR actually expand what models can reason about?',
  "Why does RLVR training narrow a model's problem solving ability?",
  'Does RLVR actually improve mathematical reasoning or just coherence?',
  'Does sequencing imitation then exploration training improve reasoning?',
  'Does training order reshape how models handle different task types?',
  'Why do random rewards improve reasoning for some models but not others?',
  'How does RL training reshape reasoning and what gets lost?',
  'Can RL training run while generation continues without waiting?',
  'Do overly hard RLVR samples actually harm model capabilities?',
];

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const sentences = (text: string) => [...segmenter.segment(text)].map((s) => normalizeText(s.segment)).filter(Boolean);
const stripEmphasis = (text: string) => text.replace(/\*([^*]+)\*/g, '$1');
/** An essay line with each cited title taken out, the way the page shows it (marker, then the full stop). */
const withoutTitles = (line: string) => titles.reduce((text, title) => text.replaceAll(` ${title}`, ''), stripEmphasis(line));

let site: SiteBuild;
let essayText: string;
const essayPath = '/essays/prolonged-rl-training/';

beforeAll(() => {
  site = siteBuild('site');
  expect(site.exitCode, site.output).toBe(0);
  const $ = loadPage(site.outDir, essayPath);
  $('.citation, .claim-tools, .heading-anchor').remove();
  essayText = normalizeText($('article').text());
});

describe('the essay as published', () => {
  it('has the seed question as its title', () => {
    const $ = loadPage(site.outDir, essayPath);
    expect($('h1').text()).toBe(seedLines[0]);
  });

  it('holds every sentence of the standfirst and the five paragraphs, word for word', () => {
    const wanted = seedLines.slice(1, 7).flatMap((line) => sentences(withoutTitles(line)));
    expect(wanted.length).toBe(21);
    for (const sentence of wanted) expect(essayText).toContain(sentence);
  });

  it('keeps the five paragraphs as five paragraphs', () => {
    const $ = loadPage(site.outDir, essayPath);
    const paragraphs = $('.essay-body > p').map((_, p) => normalizeText($(p).clone().find('.citation, .claim-tools').remove().end().text())).get();
    expect(paragraphs).toEqual(seedLines.slice(2, 7).map((line) => normalizeText(withoutTitles(line))));
  });

  it('lists the twelve notes under "Sources", numbered in the order the seed cites them', () => {
    const $ = loadPage(site.outDir, essayPath);
    expect(normalizeText($('#sources-heading').text())).toBe('Sources 12 notes');
    const listed = $('.sources-list > li').map((_, li) => ({ n: Number($(li).attr('value')), title: $(li).find('.source-title').text() })).get();
    expect(listed).toEqual(titles.map((title, i) => ({ n: i + 1, title })));
  });

  it('holds every note summary word for word, in its sources entry and on the note page', () => {
    const $ = loadPage(site.outDir, essayPath);
    titles.forEach((title, i) => {
      const summary = normalizeText(seedLines[8 + i]!);
      const entry = $('.sources-list > li').filter((_, li) => $(li).find('.source-title').text() === title);
      expect(normalizeText(entry.find('.source-summary').text())).toBe(summary);
      const notePage = loadPage(site.outDir, entry.find('.source-title').attr('href')!);
      expect(notePage('h1').text()).toBe(title);
      expect(normalizeText(notePage('.note-summary').text())).toBe(summary);
    });
  });
});

describe('every citation points at its own note', () => {
  it('marks each seed citation with a marker that links to the note of that title, from the same sentence', () => {
    const $ = loadPage(site.outDir, essayPath);
    titles.forEach((title, i) => {
      const line = stripEmphasis(seedLines.slice(3, 7).find((l) => l.includes(title))!);
      // The seed sentence that carries the citation: the text before the title, back to the previous sentence's end.
      const before = line.slice(0, line.indexOf(title));
      const sentence = normalizeText(withoutTitles(sentences(before).at(-1)! + '.'));
      const marker = $(`.citation-link`).filter((_, a) => $(a).text() === String(i + 1)).first();
      const note = loadPage(site.outDir, marker.attr('href')!);
      expect(note('h1').text(), `marker ${i + 1}`).toBe(title);
      const claim = marker.closest('.claim');
      const claimText = normalizeText(claim.clone().find('.citation, .claim-tools').remove().end().text());
      expect(claimText).toBe(sentence);
    });
  });

  it('names on each note page the paper behind it, from papers.json', () => {
    const $ = loadPage(site.outDir, essayPath);
    papers.notes.forEach((entry, i) => {
      const href = $('.sources-list > li').eq(i).find('.source-title').attr('href')!;
      const page = loadPage(site.outDir, href);
      const listed = entry.synthesis ? entry.draws_on! : [entry.paper!];
      expect(page('#papers-heading').text()).toBe(entry.synthesis ? 'Draws on' : 'Summarises');
      const items = page('.paper');
      expect(items.length).toBe(listed.length);
      listed.forEach((paper, k) => {
        const item = items.eq(k);
        expect(item.find('.paper-title').text()).toBe(paper.title);
        expect(normalizeText(item.find('.paper-meta').text())).toBe(`${paper.first_author} et al., ${paper.year}. arXiv:${paper.arxiv}`);
        expect(item.find('a').attr('href')).toBe(`https://arxiv.org/abs/${paper.arxiv}`);
      });
    });
  });
});
