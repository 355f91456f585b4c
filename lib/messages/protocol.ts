import { z } from '../schema/zod';
import { Annotation } from '../annotations/schema';
import { AnnotationEdit } from '../annotations/edit';
import { ExportRequest, type ExportResult } from '../data/export-request';
import type { ImportSummary } from '../data/import-summary';
import type { SyncConfigView, SyncStatus } from '../data/sync-config';
import type { Claim, CrossAssessment, Source } from '../dataset/schema';
import type { AnnotationList } from '../store/annotations-repo';
import type { LibraryList } from '../store/library-repo';
import { PageReport } from '../page/page-report';
import type { PublicAnalysis } from '../analyze';
import { TextPositionSelector, TextQuoteSelector } from '../schema/selectors';

/** A selection the reader wants to annotate, captured by the content script; edited and saved in the sidebar. */
export const AnnotationDraft = z.object({
  url: z.string().url(),
  canonicalUrl: z.string().url(),
  title: z.string(),
  quote: z.string().min(1).max(10_000),
  selectors: z.object({ quote: TextQuoteSelector, position: TextPositionSelector.optional() }),
  /** Dataset claims matched by page claims that overlap the selection: offered as links. */
  suggestedClaims: z.array(z.string()).default([]),
});
export type AnnotationDraft = z.infer<typeof AnnotationDraft>;

/** An import or sync file larger than this is refused before parsing (about 100,000 annotations). */
export const MAX_IMPORT_TEXT = 64_000_000;

/** Longer main texts are cut before analysis: no news article comes near it, and a hostile page cannot make us work without bound. */
export const MAX_PAGE_TEXT = 2_000_000;

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
  z.object({ type: z.literal('annotations/save'), edit: AnnotationEdit }),
  z.object({ type: z.literal('annotations/delete'), id: z.string().uuid() }),
  // From a content script: what it found on its tab (the sender's tab is the key).
  z.object({ type: z.literal('tab/report'), report: PageReport }),
  // From the sidebar or the popup: what was found on a tab, and the pending annotation draft.
  z.object({ type: z.literal('tab/state'), tabId: z.number().int() }),
  // From a content script: analyse a page's main text (topic, claims, comparison with the dataset).
  z.object({
    type: z.literal('page/analyze'),
    url: z.string().max(10_000),
    title: z.string().max(2_000),
    language: z.string().max(20).optional(),
    text: z.string().max(MAX_PAGE_TEXT),
  }),
  // From a content script: the reader asked to annotate the selection.
  z.object({ type: z.literal('draft/open'), draft: AnnotationDraft }),
  z.object({ type: z.literal('draft/clear'), tabId: z.number().int() }),
  // From extension pages: export, import and sync.
  z.object({ type: z.literal('data/stats') }),
  z.object({ type: z.literal('data/export'), request: ExportRequest }),
  z.object({ type: z.literal('data/import-preview'), text: z.string().max(MAX_IMPORT_TEXT) }),
  z.object({ type: z.literal('data/import-apply'), text: z.string().max(MAX_IMPORT_TEXT) }),
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
  z.object({ type: z.literal('page/activate'), canonicalUrl: z.string().url(), gatePassed: z.boolean(), selection: z.boolean().default(false) }),
  // From the always-on content script: the reader clicked a highlight; the sidebar scrolls to it.
  z.object({ type: z.literal('tab/focus'), claimKey: z.string().nullable(), annotationId: z.string().nullable().default(null) }),
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
  'annotations/list': AnnotationList;
  'annotations/save': Annotation;
  'annotations/delete': Annotation | null;
  'tab/report': null;
  'tab/state': TabState;
  'page/analyze': PageAnalysis;
  'draft/open': SidebarOpened;
  'draft/clear': null;
  'tab/focus': SidebarOpened;
  'page/activate': { activated: boolean };
  'data/stats': { annotations: number; deleted: number; pages: number; hosts: string[]; tags: string[] };
  'data/export': ExportResult;
  'data/import-preview': ImportSummary;
  'data/import-apply': ImportSummary;
  'data/sync-file': { fileText: string | null; received: number; conflicts: number };
  'sync/config': SyncConfigView;
  'sync/configure': SyncConfigView;
  'sync/forget': SyncConfigView;
  'sync/now': SyncStatus;
  'library/list': LibraryList;
  'library/restore': { restored: number };
  'library/bulk': { changed: number };
  'tab/open-note': { tabId: number; opened: 'new' | 'existing' };
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
