import { FACT_CHECK_SUBJECT, findClaimReviews } from '../dataset/claimreview';
import { reviewToBilingualClaim } from '../dataset/reader-notes';
import { makeChange, withdrawChange } from '../dataset/layer-edit';
import type { ChangeOrigin, LayerChange, LayerEdit, UserClaim, UserTerm } from '../dataset/layer-schema';
import { buildPack, PackError, readPack, type PackRefusal } from '../dataset/pack';
import type { Subject } from '../dataset/schema';
import type { PageReport } from '../page/page-report';
import type { ClaimVisit, DatasetMeta, LensDb } from '../store/db';
import { getDeviceId } from '../store/device-id';
import { listLayer, mergeLayer, saveLayerChange } from '../store/layer-repo';
import { readEffectiveDataset } from '../store/read-effective';
import type { TabRegistry } from './tab-registry';

export interface LayerEffects {
  now(): Date;
  /** The topic id this build recognizes (packs for another topic are refused). */
  topicId: string;
  /** Leaves the reader's terms where the page scripts read them (browser.storage.local). */
  publishTerms(terms: UserTerm[]): Promise<void>;
  /** Asks every analysed tab to analyse again: the matcher changed. */
  reanalyzeAll(): void;
  /** The reader's consent to keep the pages that agreed or conflicted with claims. */
  keepVisits(): Promise<boolean>;
}

export interface LayerImportSummary {
  kind: 'pack' | 'claimreview';
  title: string;
  counts: { added: number; updated: number; unchanged: number; keptOurs: number };
  /** What the file holds, by kind of record. */
  records: Record<LayerChange['kind'], number>;
}

/** A file refused as a whole: why, as data the interface words in its language. Nothing was changed. */
export interface LayerImportRefusal {
  refused: PackRefusal;
}

/** Runs an import step; a refused file comes back as its refusal rather than as an English error. */
async function orRefusal<T>(step: () => Promise<T>): Promise<T | LayerImportRefusal> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof PackError) return { refused: error.refusal };
    throw error;
  }
}

/** Whitespace-insensitive, so a quote selected across a line break still counts as on the page. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The reader's dataset layer, where the database lives: saving changes (each
 * one stamped with when, from which page, by which install), the effective
 * dataset for the Dataset page, packs and ClaimReview files in and out.
 */
export function makeLayerService(db: LensDb, ready: () => Promise<unknown>, tabs: TabRegistry, effects: LayerEffects) {
  const baseVersion = async () => ((await db.meta.get('dataset')) as DatasetMeta | undefined)?.version ?? null;

  const afterChange = async () => {
    const effective = await readEffectiveDataset(db);
    await effects.publishTerms(effective.terms);
    effects.reanalyzeAll();
  };

  const save = async (edit: LayerEdit, origin: ChangeOrigin | null) => {
    await ready();
    const change = makeChange(edit, { now: effects.now(), deviceId: await getDeviceId(db), origin, baseVersion: await baseVersion() });
    const saved = await saveLayerChange(db, change);
    await afterChange();
    return saved;
  };

  /**
   * A claim's quote must be on the page it cites: the background checks it
   * against what that tab's page session captured (the selection, the claims,
   * the fact-checks), not against what the form says.
   */
  const checkQuote = async (claim: UserClaim, tabId: number | undefined) => {
    const source = claim.webSources[0]!;
    if (tabId === undefined) {
      if (source.quote) throw new Error('a quote can only be taken from an open page: add the claim from the page (select the text, then "Add to dataset")');
      return null;
    }
    const state = await tabs.get(tabId);
    const page = state.draft?.canonicalUrl ?? state.report?.canonicalUrl;
    if (!page) throw new Error('that tab has no page analysed any more: open the page again and retry');
    if (source.url !== page && source.url !== state.report?.canonicalUrl) throw new Error(`the source must be the page the claim was taken from (${page})`);
    if (source.quote) {
      const draft = state.draft?.selectors.quote;
      const evidence = [
        draft ? `${draft.prefix ?? ''}${draft.exact}${draft.suffix ?? ''}` : '',
        ...(state.report?.claims.map((c) => c.text) ?? []),
        ...(state.report?.claimReviews.map((r) => r.claimReviewed) ?? []),
      ].map(squash);
      const exact = squash(source.quote.exact);
      if (!evidence.some((e) => e.includes(exact))) {
        throw new Error(`the quote is not on the page: "${exact.slice(0, 120)}". Quote the page's own words (select them on the page), or leave the quote out.`);
      }
    }
    return { url: page, title: state.report?.title ?? state.draft?.title ?? '' };
  };

  const knownIds = async () => {
    const effective = await readEffectiveDataset(db);
    return {
      subjects: new Set(effective.subjects.map((s) => s.key)),
      claims: new Set(effective.claims.map((c) => c.id)),
      bundledClaims: new Set((await db.claims.toCollection().primaryKeys()).map(String)),
    };
  };

  /** A pack, or a ClaimReview file (schema.org JSON-LD), as layer records. Throws with a clear message; writes nothing. */
  const readImport = async (text: string): Promise<{ kind: LayerImportSummary['kind']; title: string; changes: LayerChange[] }> => {
    await ready();
    const deviceId = await getDeviceId(db);
    const now = effects.now();
    if (/"cecot-lens-dataset-pack"/.test(text.slice(0, 2_000))) {
      const { manifest, changes } = await readPack(text, { topic: effects.topicId, ...(await knownIds()), deviceId, now });
      return { kind: 'pack', title: `${manifest.title} (${manifest.version})`, changes };
    }
    let reviews;
    try {
      JSON.parse(text);
      reviews = findClaimReviews([text], 'https://file.invalid/');
    } catch {
      throw new PackError({ code: 'not-json' }, 'the file is neither a dataset pack nor a ClaimReview file');
    }
    if (!reviews.length) throw new PackError({ code: 'no-claimreview' });
    const ctx = { now, deviceId, origin: null, baseVersion: await baseVersion() };
    const { subjects } = await knownIds();
    const changes: LayerChange[] = [
      ...(subjects.has(FACT_CHECK_SUBJECT.key) ? [] : [makeChange({ kind: 'subject', subject: FACT_CHECK_SUBJECT }, ctx)]),
      ...reviews.map((r) => makeChange({ kind: 'claim', claim: reviewToBilingualClaim(r, now) }, ctx)),
    ];
    return { kind: 'claimreview', title: `${reviews.length} ClaimReview`, changes };
  };

  const summarize = (kind: LayerImportSummary['kind'], title: string, changes: LayerChange[], plan: Awaited<ReturnType<typeof mergeLayer>>): LayerImportSummary => {
    const records = { claim: 0, subject: 0, correction: 0, retirement: 0, assessment: 0, term: 0 };
    for (const c of changes) records[c.kind] += 1;
    return { kind, title, counts: { added: plan.added, updated: plan.updated, unchanged: plan.unchanged, keptOurs: plan.keptOurs }, records };
  };

  return {
    /** After a sync merged layer records: republish the terms and re-run every open page's analysis. */
    async refresh() {
      await ready();
      await afterChange();
    },

    async view() {
      await ready();
      const [effective, layer, meta] = await Promise.all([readEffectiveDataset(db), listLayer(db), db.meta.get('dataset') as Promise<DatasetMeta | undefined>]);
      return {
        id: meta?.id ?? '',
        version: effective.version,
        claims: effective.claims,
        subjects: effective.subjects,
        assessments: effective.assessments,
        terms: effective.terms,
        stranded: effective.stranded,
        changes: layer.changes.filter((c) => c.deletedAt === null).map((c) => ({ id: c.id, kind: c.kind, target: c.target, updatedAt: c.updatedAt, origin: c.origin })),
        invalid: layer.invalid,
      };
    },

    save,

    async withdraw(id: string) {
      const prior = (await listLayer(db)).changes.find((c) => c.id === id);
      if (!prior) throw new Error(`no change "${id}"`);
      const saved = await saveLayerChange(db, withdrawChange(prior, { now: effects.now(), deviceId: await getDeviceId(db) }));
      await afterChange();
      return saved;
    },

    /** A claim from the add-to-dataset form, and its new subject when it has one: both land or neither does. */
    async addClaim(input: { claim: UserClaim; subject?: Subject; tabId?: number }) {
      await ready();
      const origin = await checkQuote(input.claim, input.tabId);
      const { subjects, claims } = await knownIds();
      if (claims.has(input.claim.id)) throw new Error(`a claim with the id "${input.claim.id}" exists already; choose another id`);
      if (input.subject && subjects.has(input.subject.key)) throw new Error(`the subject "${input.subject.key}" exists already; pick it from the list`);
      if (!input.subject && !subjects.has(input.claim.subject)) throw new Error(`unknown subject "${input.claim.subject}"`);
      if (input.subject?.kind === 'quantity' && !input.subject.unit) throw new Error('a new quantity subject needs a unit');
      const subject = input.subject ?? [...(await readEffectiveDataset(db)).subjects].find((s) => s.key === input.claim.subject);
      if (subject?.kind === 'quantity' && input.claim.value?.kind === 'quantity' && input.claim.value.quantity.unit !== subject.unit) {
        throw new Error(`the value's unit "${input.claim.value.quantity.unit}" is not the subject's unit "${subject.unit}"`);
      }
      const ctx = { now: effects.now(), deviceId: await getDeviceId(db), origin, baseVersion: await baseVersion() };
      const records = [...(input.subject ? [makeChange({ kind: 'subject', subject: input.subject }, ctx)] : []), makeChange({ kind: 'claim', claim: input.claim }, ctx)];
      await mergeLayer(db, records);
      await afterChange();
      return { claimId: input.claim.id };
    },

    async exportPack(input: { title: string; curatedBy: string }) {
      await ready();
      const meta = (await db.meta.get('dataset')) as DatasetMeta | undefined;
      const now = effects.now();
      const day = now.toISOString().slice(0, 10).replace(/-/g, '.');
      const pack = await buildPack((await listLayer(db)).changes, {
        id: 'user-pack',
        version: day,
        title: input.title || 'My dataset changes',
        curatedBy: input.curatedBy,
        topic: effects.topicId,
        base: { id: meta?.id ?? 'unknown', version: meta?.version ?? 'unknown' },
        now,
      });
      return { fileName: `cecot-lens-dataset-pack-${now.toISOString().slice(0, 10)}.json`, text: JSON.stringify(pack, null, 2) };
    },

    importPreview(text: string): Promise<LayerImportSummary | LayerImportRefusal> {
      return orRefusal(async () => {
        const { kind, title, changes } = await readImport(text);
        return summarize(kind, title, changes, await mergeLayer(db, changes, false));
      });
    },

    importApply(text: string): Promise<LayerImportSummary | LayerImportRefusal> {
      return orRefusal(async () => {
        // Read again rather than trusting a preview: the file is the source of truth.
        const { kind, title, changes } = await readImport(text);
        const plan = await mergeLayer(db, changes);
        await afterChange();
        return summarize(kind, title, changes, plan);
      });
    },

    /** Adds a fact-check found on the tab's page as a claim (the review's URL as its source). */
    async addReview(tabId: number, index: number) {
      await ready();
      const report = (await tabs.get(tabId)).report;
      const review = report?.claimReviews[index];
      if (!report || !review) throw new Error('that fact-check is no longer on the page');
      const now = effects.now();
      // "From which page": the page the reader was on, which published the review.
      const ctx = { now, deviceId: await getDeviceId(db), origin: { url: report.canonicalUrl, title: report.title }, baseVersion: await baseVersion() };
      const { subjects, claims } = await knownIds();
      const claim = reviewToBilingualClaim(review, now);
      if (claims.has(claim.id)) return { claimId: claim.id, added: false };
      await mergeLayer(db, [...(subjects.has(FACT_CHECK_SUBJECT.key) ? [] : [makeChange({ kind: 'subject', subject: FACT_CHECK_SUBJECT }, ctx)]), makeChange({ kind: 'claim', claim }, ctx)]);
      await afterChange();
      return { claimId: claim.id, added: true };
    },

    /** After a tab's report: remember which pages agreed or conflicted with which claims, only with consent. */
    async recordVisits(report: PageReport) {
      if (!(await effects.keepVisits())) return;
      const at = effects.now().toISOString();
      const rows = new Map<string, ClaimVisit>();
      for (const c of report.claims) {
        for (const m of c.matches) {
          if (m.relation === 'related') continue;
          const prior = rows.get(m.claimId);
          // A page that both agrees and conflicts is filed as a conflict: that is what a checker needs to see.
          if (!prior || m.relation === 'conflicts') rows.set(m.claimId, { claimId: m.claimId, canonicalUrl: report.canonicalUrl, title: report.title.slice(0, 500), relation: m.relation, at });
        }
      }
      if (rows.size) await db.claimVisits.bulkPut([...rows.values()]);
    },

    async visits(claimId: string): Promise<ClaimVisit[]> {
      return (await db.claimVisits.where('claimId').equals(claimId).toArray()).sort((a, b) => (a.at < b.at ? 1 : -1));
    },

    /** The quotes of the reader's claims that cite this page (empty on almost every page: one indexed read, no layer scan when empty). */
    async pageSources(canonicalUrl: string) {
      if ((await db.layer.count()) === 0) return [];
      const { claims } = await readEffectiveDataset(db);
      return claims.flatMap((c) =>
        (c.webSources ?? [])
          .filter((s) => s.url === canonicalUrl && s.quote)
          .map((s) => ({ claimId: c.id, statement: c.statement, quote: s.quote!, ...(s.position ? { position: s.position } : {}) })),
      );
    },

    async clearVisits() {
      await db.claimVisits.clear();
      return null;
    },
  };
}

export type LayerService = ReturnType<typeof makeLayerService>;
