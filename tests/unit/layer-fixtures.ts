import type { UserClaim } from '../../lib/dataset/layer-schema';

/** A claim a reader adds, written for these tests. */
export const userClaim: UserClaim = {
  id: 'u-cecot-guards-1200',
  statement: 'About 1,200 guards work at CECOT.',
  statementEs: 'Unos 1.200 custodios trabajan en el CECOT.',
  subject: 'cecot.guards',
  category: 'quantity',
  facts: [],
  value: { kind: 'quantity', quantity: { value: 1200, unit: 'people', qualifier: 'about', text: 'about 1,200' } },
  entities: [],
  claimant: { type: 'article' },
  date: null,
  terms: { en: ['1,200 guards'], es: ['1.200 custodios'] },
  assessment: { status: 'single-source', note: 'Added from one page.', related: [] },
  webSources: [{ url: 'https://news.example/story', title: 'A story', seenAt: '2026-12-01T10:00:00.000Z', quote: { type: 'TextQuoteSelector', exact: 'about 1,200 guards' } }],
};
export const guardsSubject = {
  key: 'cecot.guards',
  label: 'Guards at the prison',
  labelEs: 'Custodios de la cárcel',
  kind: 'quantity' as const,
  unit: 'people',
  description: 'How many guards work at the prison.',
  cues: { en: ['guards'], es: ['custodios'] },
  groups: [],
};

