import type { Annotation } from '../annotations/schema';
import type { LayerChange } from '../dataset/layer-schema';
import { mergeLayerSets, planLayerMerge, sameLayer } from '../dataset/layer-merge';
import { sameContent } from '../merge/same-content';
import { mergeAnnotationSets, type MergeConflict } from '../merge/merge-annotations';
import { exportBundleJson } from '../exchange/bundle';
import type { DatasetRef, GeneratorInfo } from '../exchange/context';
import { ImportError } from '../exchange/import-error';
import { readImportFile } from '../exchange/import';
import { planImport, type ImportPlan } from '../exchange/import-plan';
import { basicAuthorization } from './basic-auth';
import { SyncError } from './sync-error';

/**
 * Sync through one JSON document (a CECOT Lens bundle) on a WebDAV server
 * (Nextcloud, ownCloud, Apache mod_dav…): read it, merge it with the local
 * records, write the result back only if nobody wrote in between.
 *
 * Safety rules:
 * - the write is conditional: `If-Match: <ETag we read>`, or `If-None-Match: *`
 *   when the document did not exist; a 412 means someone else wrote, so we read
 *   and merge again (a bounded number of times);
 * - a remote document that is not a valid bundle, or is of a newer format, is
 *   never overwritten: the sync stops with an error;
 * - the merge never drops a record, so whatever survives on either side ends
 *   up on both; a failure at any step leaves the local records as they were
 *   (the caller writes `plan.put` only when syncOnce resolves);
 * - credentials go only to the document's origin: redirects elsewhere are refused.
 *
 * A known limit of plain WebDAV: a server may check If-Match and write in two
 * steps, so two writes arriving in the same instant could both pass. No edit is
 * lost even then: each device keeps its records, and its next sync merges them
 * in again.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface WebDavSyncOptions {
  /** URL of the JSON document, e.g. https://cloud.example.org/remote.php/dav/files/ana/cecot-lens/annotations.json */
  url: string;
  username: string;
  password: string;
  fetch: FetchLike;
  /** Every local record, tombstones included. */
  local: readonly Annotation[];
  /**
   * Every local dataset layer record, withdrawn ones included, carried in the
   * document's `datasetLayer` section. Left out, the remote section is kept as it is.
   */
  localLayer?: readonly LayerChange[];
  /** This device; written into the document's header to help trace problems. */
  deviceId: string;
  /** The clock, passed in so that a sync is reproducible in tests. */
  now: () => Date;
  generator?: GeneratorInfo;
  dataset?: DatasetRef;
  /** Read-merge-write rounds before giving up when other devices keep writing. Default 5. */
  maxAttempts?: number;
  /**
   * Apache marks an ETag weak (W/"…") during the second after a change, and a
   * weak ETag never matches If-Match. We then wait and read again, up to this
   * many times. Default 4.
   */
  maxWeakEtagWaits?: number;
  /** How long to wait for a weak ETag to become strong. Default 1100 ms. */
  weakEtagWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Plain http sends the password in the clear; it is refused except to the
   * loopback address unless this is set.
   */
  allowInsecureHttp?: boolean;
  /**
   * The origin the password belongs to. Every request checks its URL against
   * it just before sending: a URL on any other origin gets no credentials, and
   * no request at all. Defaults to the origin of `url`.
   */
  credentialOrigin?: string;
  signal?: AbortSignal;
  /** Longest wait for one request, body included, before it counts as a network failure. Default 30 s. */
  requestTimeoutMs?: number;
}

export interface SyncReport {
  /** Records the local store gains or updates (= plan.put.length). */
  pulled: number;
  /** Records the remote document gained or updated. */
  pushed: number;
  /** Records both sides changed independently; the discarded version is included. */
  conflicts: MergeConflict[];
  bytesDown: number;
  bytesUp: number;
  /** Read-merge-write rounds used (more than 1 after 412 Precondition Failed). */
  attempts: number;
  /** The document did not exist and this sync created it. */
  createdRemote: boolean;
  /** Layer records the local store gains or updates (= layerPut.length). */
  layerPulled: number;
  /** Layer records the remote document gained or updated. */
  layerPushed: number;
  /** Whether a write was needed (false when the remote already held the merged state). */
  wrote: boolean;
  /** The URL finally used, when the server redirected within its own origin; store it for next time. */
  finalUrl: string;
}

export interface SyncResult {
  /** Every record after the merge, sorted by id: what both sides now hold. */
  merged: Annotation[];
  /** What the local store must put, in one transaction, to hold `merged`. */
  plan: ImportPlan;
  /** Every layer record after the merge, sorted by id. */
  mergedLayer: LayerChange[];
  /** The layer records the local store must merge, in the same transaction as `plan.put`. */
  layerPut: LayerChange[];
  report: SyncReport;
}

const DEFAULT_GENERATOR: GeneratorInfo = { name: 'cecot-lens', version: 'unknown' };
const DEFAULT_DATASET: DatasetRef = { id: 'unspecified', version: 'unspecified' };
const MAX_REDIRECTS = 3;

interface Remote {
  exists: boolean;
  etag: string | null;
  records: Annotation[];
  /** The document's layer section; null when it has none. */
  layer: LayerChange[] | null;
  dataset: DatasetRef | null;
}

export async function syncOnce(options: WebDavSyncOptions): Promise<SyncResult> {
  const maxAttempts = options.maxAttempts ?? 5;
  const maxWeakWaits = options.maxWeakEtagWaits ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const http = new DavClient(options);

  let state: readonly Annotation[] = options.local;
  let layerState: readonly LayerChange[] = options.localLayer ?? [];
  let bytesUp = 0;
  let weakWaits = 0;
  let attempts = 0;
  while (attempts < maxAttempts) {
    attempts += 1;
    const remote = await http.pull();
    const merged = mergeAnnotationSets(state, remote.records).annotations;
    const mergedLayer = mergeLayerSets(layerState, remote.layer ?? []);
    // A notes-only document stays notes-only until some device has layer records.
    const withLayer = remote.layer !== null || mergedLayer.length > 0;
    const layerChanged = withLayer && (remote.layer === null || !sameLayer(mergedLayer, remote.layer));
    const needsWrite = !remote.exists || !sameRecords(merged, remote.records) || layerChanged;
    const outcome = { local: options.local, localLayer: options.localLayer ?? [], remote, merged, mergedLayer };

    if (!needsWrite) return finish(outcome, { bytesUp, attempts, created: false, wrote: false, http });

    if (remote.exists && remote.etag === null) {
      throw new SyncError('protocol', 'the server sent no ETag for the document, so it cannot be updated without risking other devices\u2019 changes');
    }
    if (remote.etag !== null && remote.etag.startsWith('W/')) {
      // Not a failed round: the server only needs a moment before it gives a usable ETag.
      attempts -= 1;
      weakWaits += 1;
      if (weakWaits > maxWeakWaits) {
        throw new SyncError('protocol', `the server only gives weak ETags (${remote.etag}), which cannot be used for a safe conditional write`);
      }
      await sleep(options.weakEtagWaitMs ?? 1100);
      continue;
    }

    const body = exportBundleJson(
      merged,
      {
        exportedAt: options.now().toISOString(),
        generator: options.generator ?? DEFAULT_GENERATOR,
        dataset: options.dataset ?? remote.dataset ?? DEFAULT_DATASET,
      },
      { deviceId: options.deviceId, ...(withLayer ? { datasetLayer: mergedLayer } : {}) },
    );
    const pushed = await http.push(body, remote.etag);
    bytesUp += pushed.bytes;
    if (pushed.ok) {
      return finish(outcome, { bytesUp, attempts, created: !remote.exists, wrote: true, http });
    }
    // 412: someone wrote since we read. Keep what we merged and go round again.
    state = merged;
    layerState = mergedLayer;
  }
  throw new SyncError(
    'contention',
    `the document kept changing while syncing (${maxAttempts} attempts); nothing was lost, try again in a moment`,
    { status: 412 },
  );
}

function finish(
  { local, localLayer, remote, merged, mergedLayer }: { local: readonly Annotation[]; localLayer: readonly LayerChange[]; remote: Remote; merged: Annotation[]; mergedLayer: LayerChange[] },
  extra: { bytesUp: number; attempts: number; created: boolean; wrote: boolean; http: DavClient },
): SyncResult {
  const plan = planImport(local, merged);
  const remoteById = new Map(remote.records.map((r) => [r.id, r]));
  const pushed = extra.wrote ? merged.filter((r) => !sameContent(remoteById.get(r.id), r)).length : 0;
  const layerPut = planLayerMerge(localLayer, mergedLayer).put;
  const layerPushed = extra.wrote ? planLayerMerge(remote.layer ?? [], mergedLayer).put.length : 0;
  return {
    merged,
    plan,
    mergedLayer,
    layerPut,
    report: {
      layerPulled: layerPut.length,
      layerPushed,
      pulled: plan.put.length,
      pushed,
      conflicts: mergeAnnotationSets(local, remote.records).conflicts,
      bytesDown: extra.http.bytesDown,
      bytesUp: extra.bytesUp,
      attempts: extra.attempts,
      createdRemote: extra.created,
      wrote: extra.wrote,
      finalUrl: extra.http.url,
    },
  };
}

/** Same ids with the same content. */
function sameRecords(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((r) => [r.id, r]));
  if (byId.size !== b.length) return false;
  return a.every((r) => {
    const other = byId.get(r.id);
    return other !== undefined && sameContent(other, r);
  });
}

/** The HTTP side: requests, redirects within the origin, and status codes turned into SyncErrors. */
class DavClient {
  url: string;
  bytesDown = 0;
  private readonly origin: string;
  private readonly authorization: string;

  constructor(private readonly options: WebDavSyncOptions) {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new SyncError('config', `not a valid URL: ${options.url}`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new SyncError('config', 'the sync URL must start with https://');
    if (parsed.username !== '' || parsed.password !== '') {
      throw new SyncError('config', 'put the user name and password in their own fields, not in the URL');
    }
    if (parsed.protocol === 'http:' && !options.allowInsecureHttp && !isLoopback(parsed.hostname)) {
      throw new SyncError('config', 'plain http would send the password unencrypted; use https://');
    }
    parsed.hash = '';
    this.url = parsed.href;
    this.origin = options.credentialOrigin ?? parsed.origin;
    if (parsed.origin !== this.origin) {
      throw new SyncError('config', `the password belongs to ${this.origin}, not ${parsed.origin}; enter it again for the new server`);
    }
    this.authorization = basicAuthorization(options.username, options.password);
  }

  async pull(): Promise<Remote> {
    const { res, done } = await this.request('GET', undefined, { Accept: 'application/json', 'Cache-Control': 'no-cache' });
    try {
      return await this.readDocument(res);
    } finally {
      done();
    }
  }

  private async readDocument(res: Response): Promise<Remote> {
    if (res.status === 404) {
      await discard(res);
      return { exists: false, etag: null, records: [], layer: null, dataset: null };
    }
    if (res.status !== 200) throw await statusError(res, 'reading');
    let text: string;
    try {
      text = await res.text();
    } catch (error) {
      throw this.networkError(error, 'reading the document');
    }
    this.bytesDown += new TextEncoder().encode(text).length;
    try {
      const parsed = readImportFile(text);
      if (parsed.format !== 'cecot-lens-bundle') {
        throw new ImportError('this is a W3C Web Annotation file, not a CECOT Lens sync document');
      }
      return {
        exists: true,
        etag: res.headers.get('ETag'),
        records: parsed.annotations,
        layer: parsed.datasetLayer,
        dataset: parsed.header?.dataset ?? null,
      };
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      const newer = error.code === 'newer-version';
      throw new SyncError(
        newer ? 'newer-format' : 'invalid-remote',
        newer
          ? `the remote document was written by a newer CECOT Lens; update this one to sync (${error.message})`
          : `the remote document is not a valid CECOT Lens sync document and was left untouched: ${error.message}`,
        { cause: error },
      );
    }
  }

  async push(body: string, etag: string | null): Promise<{ ok: boolean; bytes: number }> {
    const condition: Record<string, string> = etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag };
    const bytes = new TextEncoder().encode(body).length;
    const { res, done } = await this.request('PUT', body, { 'Content-Type': 'application/json; charset=utf-8', ...condition });
    await discard(res);
    done();
    if (res.status === 412) return { ok: false, bytes };
    if (res.status === 200 || res.status === 201 || res.status === 204) return { ok: true, bytes };
    if (res.status === 404 || res.status === 409) {
      throw new SyncError(
        'collection-missing',
        `the server has no folder ${parentOf(this.url)} for the sync file (HTTP ${res.status}); check the address, or create the folder on the server`,
        { status: res.status },
      );
    }
    throw await statusError(res, 'writing');
  }

  /**
   * One request, following redirects within the origin for reads. The returned
   * `done` stops the timeout once the caller has read the body.
   */
  private async request(
    method: 'GET' | 'PUT',
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<{ res: Response; done: () => void }> {
    const controller = new AbortController();
    const user = this.options.signal;
    const onUserAbort = () => controller.abort(user?.reason);
    if (user?.aborted) controller.abort(user.reason);
    else user?.addEventListener('abort', onUserAbort, { once: true });
    this.requestTimedOut = false;
    const timer = setTimeout(() => {
      this.requestTimedOut = true;
      controller.abort();
    }, this.options.requestTimeoutMs ?? 30_000);
    const done = () => {
      clearTimeout(timer);
      user?.removeEventListener('abort', onUserAbort);
    };
    try {
      return { res: await this.send(method, body, headers, controller.signal), done };
    } catch (error) {
      done();
      throw error;
    }
  }

  /** Requests run one at a time, so one flag tells whether the current one hit its timeout. */
  private requestTimedOut = false;

  private async send(method: 'GET' | 'PUT', body: string | undefined, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    for (let hop = 0; ; hop++) {
      let res: Response;
      // Checked at the moment of sending, whatever changed `this.url` since: credentials go to their origin only.
      if (new URL(this.url).origin !== this.origin) {
        throw new SyncError('redirect', `refused to send the password to ${new URL(this.url).origin}; it belongs to ${this.origin}`);
      }
      try {
        res = await this.options.fetch(this.url, {
          method,
          headers: { ...headers, Authorization: this.authorization },
          ...(body !== undefined ? { body } : {}),
          // Redirects are looked at here, so credentials never follow one to another origin.
          redirect: 'manual',
          // Browser cookies of a logged-in Nextcloud session would switch it to cookie auth (and CSRF checks).
          credentials: 'omit',
          // A cached GET would hand back an old ETag and make every write fail.
          cache: 'no-store',
          signal,
        });
      } catch (error) {
        throw this.networkError(error, method === 'GET' ? 'reading the document' : 'writing the document');
      }
      if (res.type === 'opaqueredirect') {
        throw new SyncError('redirect', 'the server redirected the request; enter the final address of the document', { status: res.status });
      }
      if (res.status < 300 || res.status >= 400 || res.status === 304) return res;
      await discard(res);
      const location = res.headers.get('Location');
      let next: URL | undefined;
      try {
        next = location === null ? undefined : new URL(location, this.url);
      } catch {
        next = undefined;
      }
      if (next === undefined) throw new SyncError('redirect', `the server answered ${res.status} without a usable Location`, { status: res.status });
      if (next.origin !== this.origin) {
        throw new SyncError('redirect', `the server redirected to another site (${next.origin}); credentials are only sent to ${this.origin}`, {
          status: res.status,
        });
      }
      // A redirected write cannot be replayed blindly (303 would turn it into a GET); ask for the right address.
      if (method !== 'GET' || hop >= MAX_REDIRECTS) {
        throw new SyncError('redirect', `the server redirected to ${next.href}; use that address`, { status: res.status });
      }
      this.url = next.href;
    }
  }

  private networkError(error: unknown, doing: string): SyncError {
    if (this.requestTimedOut) {
      const seconds = Math.round((this.options.requestTimeoutMs ?? 30_000) / 1000);
      return new SyncError('network', `no answer from the server within ${seconds} s while ${doing}`, { cause: error });
    }
    if (isAbort(error) || this.options.signal?.aborted) return new SyncError('aborted', `sync cancelled while ${doing}`, { cause: error });
    const detail = error instanceof Error ? error.message : String(error);
    return new SyncError('network', `no answer from the server while ${doing} (${detail})`, { cause: error });
  }
}

async function statusError(res: Response, doing: string): Promise<SyncError> {
  await discard(res);
  const status = res.status;
  if (status === 401) return new SyncError('auth', 'the server refused the user name or password (HTTP 401)', { status });
  if (status === 403) return new SyncError('forbidden', `this account may not access the sync document (HTTP 403 while ${doing})`, { status });
  if (status === 404) return new SyncError('collection-missing', 'the sync folder does not exist on the server (HTTP 404)', { status });
  if (status >= 500) return new SyncError('server', `the server failed while ${doing} (HTTP ${status}); try again later`, { status });
  return new SyncError('server', `unexpected answer from the server while ${doing} (HTTP ${status})`, { status });
}

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // The body is not needed; a broken stream here changes nothing.
  }
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function parentOf(url: string): string {
  const u = new URL(url);
  u.pathname = u.pathname.replace(/[^/]*$/, '');
  return u.href;
}
