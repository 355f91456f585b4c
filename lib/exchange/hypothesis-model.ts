/**
 * The Hypothesis annotation shape (the h API's annotation object, which the
 * Hypothesis client's JSON export carries in `annotations`), as far as this
 * project reads and writes it. Written from the h API documentation and the
 * client's import/export code: `uri`, `target[].source/selector`, `text`
 * (Markdown), `tags`, `document.title`, `created`, `updated`, `group`,
 * `user`, and `references` (the ids a reply answers, root first).
 */
export interface HypothesisSelector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
  startContainer?: string;
  endContainer?: string;
  startOffset?: number;
  endOffset?: number;
}

export interface HypothesisAnnotation {
  id: string;
  created: string;
  updated: string;
  user: string;
  uri: string;
  text: string;
  tags: string[];
  group: string;
  permissions: { read: string[]; update: string[]; delete: string[] };
  target: Array<{ source: string; selector?: HypothesisSelector[] }>;
  document: { title: string[] };
  references?: string[];
  hidden: boolean;
  flagged: boolean;
}

/** The file the Hypothesis client's "Export" writes and its "Import" reads. */
export interface HypothesisExportFile {
  export_date: string;
  export_userid: string;
  client_version: string;
  annotations: HypothesisAnnotation[];
}

/** Hypothesis has no verdicts: ours travel as a tag of this form and come back as verdicts. */
export const VERDICT_TAG_PREFIX = 'verdict:';
/** Tags our importer adds so that replies and page notes stay recognisable. */
export const REPLY_TAG = 'hypothesis:reply';
export const PAGE_NOTE_TAG = 'hypothesis:page-note';
