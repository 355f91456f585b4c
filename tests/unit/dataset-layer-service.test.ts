import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeLayerService, type LayerEffects } from '../../lib/background/dataset-layer-service';
import { TabRegistry } from '../../lib/background/tab-registry';
import { loadDatasetIntoDb } from '../../lib/store/load-dataset';
import { listLayer } from '../../lib/store/layer-repo';
import { readEffectiveDataset } from '../../lib/store/read-effective';
import type { UserTerm } from '../../lib/dataset/layer-schema';
import { loadSeedsFromDir } from '../../scripts/load-seeds';
import { guardsSubject, userClaim } from './layer-fixtures';
import type { PageReport } from '../../lib/page/page-report';
import { openedDbs } from './fresh-db';

const seeds = loadSeedsFromDir('seeds');
const PAGE = 'https://news.example/story';
const openDb = openedDbs('layer-service');

async function setup(consent = false) {
  const db = openDb();
  const ready = loadDatasetIntoDb(db, seeds);
  const tabs = new TabRegistry();
  const published: UserTerm[][] = [];
  let reanalyzed = 0;
  const effects: LayerEffects = {
    now: () => new Date('2026-12-01T12:00:00Z'),
    topicId: 'cecot',
    publishTerms: async (t) => void published.push(t),
    reanalyzeAll: () => void (reanalyzed += 1),
    keepVisits: async () => consent,
  };
  const service = makeLayerService(db, () => ready, tabs, effects);
  await tabs.setDraft(7, {
    url: PAGE,
    canonicalUrl: PAGE,
    title: 'A story',
    quote: 'about 1,200 guards watch',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'about 1,200 guards watch', prefix: 'Inside CECOT, ', suffix: ' the inmates' } },
    suggestedClaims: [],
  });
  return { db, tabs, service, published, reanalyzed: () => reanalyzed };
}

const claimFromPage = (exact: string, url = PAGE) => ({ ...userClaim, webSources: [{ url, title: 'A story', seenAt: '2026-12-01T12:00:00.000Z', quote: { type: 'TextQuoteSelector' as const, exact } }] });

describe('the layer service in the background', () => {
  it('adds a claim with its new subject in one write, from the tab it was taken from, and tells the pages', async () => {
    const { db, service, reanalyzed } = await setup();
    await service.addClaim({ claim: claimFromPage('1,200 guards'), subject: guardsSubject, tabId: 7 });
    const effective = await readEffectiveDataset(db);
    const added = effective.claims.find((c) => c.id === userClaim.id)!;
    expect(added.layer.changes[0]!.origin).toEqual({ url: PAGE, title: 'A story' });
    expect(effective.subjects.some((s) => s.key === 'cecot.guards')).toBe(true);
    expect(reanalyzed()).toBe(1);
  });

  it('refuses a quote that is not on the page, a source that is another page, and a duplicate id, writing nothing', async () => {
    const { db, service } = await setup();
    await expect(service.addClaim({ claim: claimFromPage('about 9,999 guards'), subject: guardsSubject, tabId: 7 })).rejects.toThrow(/the quote is not on the page/);
    await expect(service.addClaim({ claim: claimFromPage('1,200 guards', 'https://elsewhere.example/'), subject: guardsSubject, tabId: 7 })).rejects.toThrow(/the source must be the page/);
    await expect(service.addClaim({ claim: claimFromPage('1,200 guards'), subject: guardsSubject })).rejects.toThrow(/only be taken from an open page/);
    expect((await listLayer(db)).changes).toEqual([]);
    await expect(service.addClaim({ claim: { ...claimFromPage('1,200 guards'), id: seeds.claims[0]!.id }, subject: guardsSubject, tabId: 7 })).rejects.toThrow(/exists already/);
    expect((await listLayer(db)).changes).toEqual([]);
  });

  it('publishes the reader’s terms for the page scripts after a term is saved', async () => {
    const { service, published } = await setup();
    await service.save({ kind: 'term', term: { id: 'zacatraz', kind: 'place', label: 'Zacatraz', phrases: ['Zacatraz'], strength: 'strong' } }, null);
    expect(published.at(-1)).toEqual([{ id: 'zacatraz', kind: 'place', label: 'Zacatraz', phrases: ['Zacatraz'], strength: 'strong' }]);
  });

  it('imports a ClaimReview file after a preview; a pack for another topic changes nothing', async () => {
    const { db, service } = await setup();
    const file = JSON.stringify([{ '@type': 'ClaimReview', url: 'https://checker.example/r/1', claimReviewed: 'A claim someone made.', author: { name: 'Checker' }, reviewRating: { alternateName: 'Misleading' } }]);
    const preview = await service.importPreview(file);
    expect(preview).toMatchObject({ kind: 'claimreview', counts: { added: 2 }, records: { claim: 1, subject: 1 } });
    expect((await listLayer(db)).changes).toEqual([]);
    await service.importApply(file);
    const claim = (await readEffectiveDataset(db)).claims.find((c) => c.statement === 'A claim someone made.');
    expect(claim?.webSources?.[0]).toMatchObject({ url: 'https://checker.example/r/1', rating: 'Misleading', publisher: 'Checker' });
    expect(await service.importPreview(file)).toMatchObject({ counts: { added: 0 } });

    const pack = JSON.parse((await service.exportPack({ title: 'x', curatedBy: '' })).text) as { manifest: { topic: string } };
    pack.manifest.topic = 'another-topic';
    const before = (await listLayer(db)).changes.length;
    // Refused as data the interface words in its language, not as an English error.
    expect(await service.importApply(JSON.stringify(pack))).toEqual({ refused: { code: 'other-topic', topic: 'another-topic', expected: 'cecot' } });
    expect(await service.importPreview(JSON.stringify(pack))).toEqual({ refused: { code: 'other-topic', topic: 'another-topic', expected: 'cecot' } });
    expect((await listLayer(db)).changes).toHaveLength(before);
  });

  it('refuses a file that is neither a pack nor ClaimReview with a code, and a cut-short pack as not JSON', async () => {
    const { service } = await setup();
    expect(await service.importPreview('{"claims": [')).toEqual({ refused: { code: 'not-json' } });
    expect(await service.importPreview('{"format": "cecot-lens-dataset-pack", "formatVersion": 1, "manifest": {')).toEqual({ refused: { code: 'not-json' } });
    expect(await service.importPreview('{"hello": "world"}')).toEqual({ refused: { code: 'no-claimreview' } });
  });

  it('keeps the pages that agreed or conflicted only with the reader’s consent', async () => {
    const report = (url: string): PageReport => ({
      url,
      canonicalUrl: url,
      title: 'Page',
      language: 'en',
      status: 'on-topic',
      topic: { onTopic: true, score: 0.8, reasons: [] },
      claims: [{ key: '0-10', text: 'x', start: 0, end: 10, checkWorthiness: 0.9, relation: 'conflicts', annotationIds: [], parts: [], matches: [{ claimId: 'c000-capacity-40000', statement: 's', relation: 'conflicts', score: 1, explanation: '' }] }],
      anchoring: { attached: [], orphans: [] },
      analyzedAt: '2026-12-01T12:00:00.000Z',
      claimReviews: [],
      sourceChecks: [],
    });
    const off = await setup(false);
    await off.service.recordVisits(report('https://a.example/'));
    expect(await off.service.visits('c000-capacity-40000')).toEqual([]);
    const on = await setup(true);
    await on.service.recordVisits(report('https://a.example/'));
    expect(await on.service.visits('c000-capacity-40000')).toEqual([expect.objectContaining({ canonicalUrl: 'https://a.example/', relation: 'conflicts' })]);
  });
});
