/**
 * The worker thread that runs the CSL processor for "Cite this"'s APA
 * references (src/formats/citation-formats.ts), so that the build's main
 * thread never compiles APA's style nor formats a reference.
 */
import workerpool from 'workerpool';
import type { CSL } from '@citation-js/core';
import { formatApa } from '../../formats/citation-formats.ts';

/** A web page and a claim (an entry), the two kinds the site cites, to compile the style and warm the processor's code for both. */
const SAMPLES: CSL[] = [
  { id: 'page', type: 'webpage', title: 'A page', 'container-title': 'A site', URL: 'https://example.org/page/', author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2026, 1, 1]] } },
  { id: 'claim', type: 'entry', title: 'A claim.', 'container-title': 'An essay', publisher: 'A site', URL: 'https://example.org/c/claim/', author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2026, 1, 1]] } },
];

workerpool.worker({
  format: (items: CSL[]) => formatApa(items),
  warm: () => void formatApa(SAMPLES),
});
