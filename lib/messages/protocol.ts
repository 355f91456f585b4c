import { z } from '../schema/zod';
import { Annotation, CodePointPosition } from '../annotations/schema';
import { AnnotationEdit } from '../annotations/edit';
import { ExportRequest, type ExportResult } from '../data/export-request';
import type { ImportRefusal, ImportSummary } from '../data/import-summary';
import type { SyncConfigView, SyncStatus } from '../data/sync-config';
import type { Claim, CrossAssessment, Source } from '../dataset/schema';
import type { AnnotationList } from '../store/annotations-repo';
import type { LibraryList } from '../store/library-repo';
import type { PackedNoteAnchors } from '../store/note-anchors-packed';
import { PageReport } from '../page/page-report';
import type { PublicAnalysis } from '../analyze';
import { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';
import { ChangeOrigin, LayerEdit, UserClaim, type LayerChange } from '../dataset/layer-schema';
import { Subject } from '../dataset/schema';
import type { EffectiveClaim, StrandedChange } from '../dataset/layer';
import type { LayerImportRefusal, LayerImportSummary } from '../background/dataset-layer-service';
import type { ClaimVisit } from '../store/db';
import { MAX_PACK_TEXT } from '../dataset/pack';
import { MAX_PAGE_TEXT, MAX_QUOTE, MAX_TITLE, TRIM_MARK } from './limits';

// Kept here too for the modules that already import them from the protocol.
export { MAX_PAGE_TEXT, MAX_QUOTE, MAX_TITLE, TRIM_MARK };


/**
 * A string from the page that is cut, not refused, when too long: a page's
 * over-long title must not cost it its highlights. The cut is marked.
 */
export function trimmedString(max: number) {
  return z.string().transform((s) => (s.length > max ? s.slice(0, max - TRIM_MARK.length) + TRIM_MARK : s));
}

/** A selection the reader wants to annotate, captured by the content script; edited and saved in the sidebar. */
export const AnnotationDraft = z.object({
  url: z.string().url(),
  canonicalUrl: z.string().url(),
  title: trimmedString(MAX_TITLE),
  /** From the page's metadata (lib/page/page-credit.ts), for ClaimReview. */
  publisher: trimmedString(200).optional(),
  byline: trimmedString(200).optional(),
  quote: z.string().min(1).max(MAX_QUOTE),
  selectors: z.object({ quote: TextQuoteSelector, position: TextPositionSelector.optional(), codePoints: CodePointPosition.optional() }),
  /** Dataset claims matched by page claims that overlap the selection: offered as links. */
  suggestedClaims: z.array(z.string()).default([]),
});
export type AnnotationDraft = z.infer<typeof AnnotationDraft>;

/** An import or sync file larger than this is refused before parsing (about 100,000 annotations). */
export const MAX_IMPORT_TEXT = 64_000_000;


/**
 * Every message a content script or an extension page may send to the
 * background. The background parses each one with `Request` before acting, so
 * a malformed or unknown message is answered with an error, never obeyed.
 */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dataset/status') }),
  z.object({ type: z.literal('dataset/sources') }),
  z.object({ type: z.literal('dataset/assessments') }),
  z.object({ type: z.literal('dataset/claims'), ids: z.array(z.string()).max(1000).optional() }),
  z.object({ type: z.literal('annotations/list'), canonicalUrl: z.string().url(), includeDeleted: z.boolean().default(false) }),
  // From the page session: its page's live notes, only what drawing them needs (no note text).
  z.object({ type: z.literal('annotations/anchors'), canonicalUrl: z.string().url() }),
  z.object({ type: z.literal('annotations/save'), edit: AnnotationEdit }),
  z.object({ type: z.literal('annotations/delete'), id: z.string().uuid() }),
  // From a content script: what it found on its tab (the sender's tab is the key).
  // `analysisId`: the report's claims are those of that analysis of this tab, which the background kept (the
  // page leaves `report.claims` empty and sends only `claimNotes`, claim key → overlapping note ids).
  z.object({
    type: z.literal('tab/report'),
    report: PageReport,
    analysisId: z.string().max(100).optional(),
    claimNotes: z.record(z.string().max(100), z.array(z.string().max(200)).max(10_000)).optional(),
  }),
  // From the sidebar or the popup: what was found on a tab, and the pending annotation draft.
  z.object({ type: z.literal('tab/state'), tabId: z.number().int() }),
  // From a content script: analyse a page's main text (topic, claims, comparison with the dataset).
  z.object({
    type: z.literal('page/analyze'),
    url: z.string().max(10_000),
    title: trimmedString(MAX_TITLE),
    // A language tag no page needs 20 characters for: a longer one is dropped, not refused.
    language: z
      .string()
      .optional()
      .transform((l) => (l !== undefined && l.length <= 20 ? l : undefined)),
    // The page session cuts the text itself and says so; this only bounds what a forged message can make us do.
    text: z.string().transform((t) => t.slice(0, MAX_PAGE_TEXT)),
    // A long page's first screens, sent just before the whole text so that their claims are painted first:
    // one pass is one analysis for the rate limit, so this one spends nothing (but is refused when the whole would be).
    part: z.enum(['first', 'whole']).default('whole'),
  }),
  // From a content script: the reader asked to annotate the selection.
  // `purpose: dataset`: the reader chose "Add to dataset"; the form opens in the Dataset page instead of the sidebar.
  z.object({ type: z.literal('draft/open'), draft: AnnotationDraft, purpose: z.enum(['annotate', 'dataset']).default('annotate') }),
  z.object({ type: z.literal('draft/clear'), tabId: z.number().int() }),
  // From extension pages: export, import and sync.
  z.object({ type: z.literal('data/stats') }),
  z.object({ type: z.literal('data/export'), request: ExportRequest }),
  z.object({ type: z.literal('data/import-preview'), text: z.string().max(MAX_IMPORT_TEXT) }),
  /** keepValid: the reader chose to import the valid records of a file that has bad ones. */
  z.object({ type: z.literal('data/import-apply'), text: z.string().max(MAX_IMPORT_TEXT), keepValid: z.boolean().default(false) }),
  z.object({ type: z.literal('data/sync-file'), text: z.string().max(MAX_IMPORT_TEXT) }),
  z.object({ type: z.literal('sync/config') }),
  z.object({
    type: z.literal('sync/configure'),
    url: z.string().max(2_000),
    username: z.string().max(200),
    password: z.string().max(1_000).optional(),
    intervalMinutes: z.number().int().min(0).max(1_440),
  }),
  z.object({ type: z.literal('sync/forget') }),
  z.object({ type: z.literal('sync/now') }),
  // From the always-on content script: the gate's verdict; the background decides whether to load the full page session.
  // `selection`: the reader selected text, so the Annotate button is wanted whatever the page is about.
  // `url` + `canonicalHref` (the page's raw <link rel=canonical>): the background files the page with the Public Suffix
  // List, which is too big for the every-page script. `canonicalUrl` alone: an already computed key.
  z
    .object({
      type: z.literal('page/activate'),
      url: z.string().max(10_000).optional(),
      canonicalHref: z.string().max(10_000).nullable().optional(),
      canonicalUrl: z.string().url().optional(),
      gatePassed: z.boolean(),
      selection: z.boolean().default(false),
    })
    .refine((m) => m.url !== undefined || m.canonicalUrl !== undefined, 'page/activate needs url or canonicalUrl'),
  // From the page session: the key its page's notes are filed under (the Public Suffix List, which judges the
  // canonical link, stays in the background). Only asked when the page's address or canonical link changed since
  // the background loaded the session.
  z.object({ type: z.literal('page/key'), url: z.string().max(10_000), canonicalHref: z.string().max(10_000).nullable() }),
  // From the always-on content script: the reader clicked a highlight; the sidebar scrolls to it.
  z.object({ type: z.literal('tab/focus'), claimKey: z.string().nullable(), annotationId: z.string().nullable().default(null) }),
  // From extension pages (Dataset page, add-to-dataset form, sidebar): the reader's dataset layer.
  z.object({ type: z.literal('layer/view') }),
  z.object({ type: z.literal('layer/save'), edit: LayerEdit, origin: ChangeOrigin.nullable().default(null) }),
  z.object({ type: z.literal('layer/withdraw'), id: z.string().min(3).max(260) }),
  z.object({ type: z.literal('layer/add-claim'), claim: UserClaim, subject: Subject.optional(), tabId: z.number().int().optional() }),
  z.object({ type: z.literal('layer/add-review'), tabId: z.number().int(), index: z.number().int().min(0).max(100) }),
  z.object({ type: z.literal('layer/export-pack'), title: z.string().max(500).default(''), curatedBy: z.string().max(500).default('') }),
  z.object({ type: z.literal('layer/import-preview'), text: z.string().max(MAX_PACK_TEXT) }),
  z.object({ type: z.literal('layer/import-apply'), text: z.string().max(MAX_PACK_TEXT) }),
  z.object({ type: z.literal('layer/visits'), claimId: z.string().max(200) }),
  z.object({ type: z.literal('layer/visits-clear') }),
  // From a content script: the quotes of the reader's dataset claims whose source is its page (to check they are still there).
  z.object({ type: z.literal('layer/page-sources'), canonicalUrl: z.string().url() }),
  // From the library (extension pages only): every note, or the given ones after a change.
  // `first`: only the first screen's notes (the latest changed and the rest of their pages), before the whole list.
  z.object({ type: z.literal('library/list'), ids: z.array(z.string().uuid()).max(100_000).optional(), first: z.number().int().min(1).max(2_000).optional() }),
  z.object({ type: z.literal('library/restore'), ids: z.array(z.string().uuid()).min(1).max(100_000) }),
  z.object({
    type: z.literal('library/bulk'),
    ids: z.array(z.string().uuid()).min(1).max(100_000),
    action: z.discriminatedUnion('kind', [z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(100) }), z.object({ kind: z.literal('delete') })]),
  }),
  // From the library: open the note's page (or focus the tab showing it), scrolled to the note.
  z.object({ type: z.literal('tab/open-note'), id: z.string().uuid() }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Replies travel as a plain envelope so that errors cross the message boundary as data. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };


export interface DatasetStatus {
  id: string;
  version: string;
  loadedAt: string;
  claimCount: number;
  sourceCount: number;
  subjectCount: number;
}

/** What each request's reply carries when it succeeds. */
export interface ReplyData {
  'dataset/status': DatasetStatus;
  'dataset/claims': Claim[];
  'dataset/sources': Source[];
  'dataset/assessments': CrossAssessment[];
  /** With this install's device id: a kept edit made here is told from one made elsewhere. */
  'annotations/list': AnnotationList & { thisDevice: string };
  'annotations/anchors': PackedNoteAnchors;
  'annotations/save': Annotation;
  'annotations/delete': Annotation | null;
  'tab/report': null;
  'tab/state': TabState;
  'page/analyze': PageAnalysis & { analysisId?: string };
  'draft/open': SidebarOpened | { sidebar: 'dataset-page'; tabId: number };
  'draft/clear': null;
  'tab/focus': SidebarOpened;
  'page/activate': { activated: boolean };
  'page/key': { canonicalUrl: string };
  'data/stats': { annotations: number; deleted: number; pages: number; hosts: string[]; tags: string[] };
  'data/export': ExportResult;
  'data/import-preview': ImportSummary | ImportRefusal;
  'data/import-apply': ImportSummary;
  'data/sync-file': { fileText: string | null; received: number; datasetReceived: number; conflicts: number };
  'sync/config': SyncConfigView;
  'sync/configure': SyncConfigView;
  'sync/forget': SyncConfigView;
  'sync/now': SyncStatus;
  'layer/view': DatasetView;
  'layer/save': LayerChange;
  'layer/withdraw': LayerChange;
  'layer/add-claim': { claimId: string };
  'layer/add-review': { claimId: string; added: boolean };
  'layer/export-pack': { fileName: string; text: string };
  'layer/import-preview': LayerImportSummary | LayerImportRefusal;
  'layer/import-apply': LayerImportSummary | LayerImportRefusal;
  'layer/visits': ClaimVisit[];
  'layer/visits-clear': null;
  'layer/page-sources': import('../dataset/source-check').PageSourceRef[];
  /** With this install's device id: a kept edit made here is told from one made elsewhere. */
  'library/list': LibraryList & { thisDevice: string };
  'library/restore': { restored: number };
  'library/bulk': { changed: number };
  'tab/open-note': { tabId: number; opened: 'new' | 'existing' };
}

/** The effective dataset as the Dataset page shows it. */
export interface DatasetView {
  id: string;
  version: string;
  claims: EffectiveClaim[];
  subjects: Subject[];
  assessments: CrossAssessment[];
  terms: import('../dataset/layer-schema').UserTerm[];
  stranded: StrandedChange[];
  changes: { id: string; kind: LayerChange['kind']; target: string; updatedAt: string; origin: ChangeOrigin | null }[];
  invalid: { id: string; error: string }[];
}

/** Which sidebar opened, and the tab it is for (a content script cannot learn its own tab id otherwise). */
export interface SidebarOpened {
  sidebar: 'native' | 'in-page';
  tabId: number;
}

export interface TabFocus {
  claimKey: string | null;
  annotationId: string | null;
  /** Increases with every focus request so that focusing the same claim twice still scrolls. */
  seq: number;
}

/** The analysis of a page's main text, as the background returns it; offsets are into that text. */
export type PageAnalysis = PublicAnalysis;

export interface TabState {
  tabId: number;
  report: PageReport | null;
  draft: AnnotationDraft | null;
  focus: TabFocus | null;
}
