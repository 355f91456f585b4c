/**
 * Why a sync failed, as a closed list the UI can switch on. Every failure
 * leaves both sides as they were or better: the local records are only
 * replaced by the caller after a successful sync, and the remote document is
 * only written with a precondition that fails if anyone changed it meanwhile.
 */
export type SyncErrorKind =
  /** The URL or credentials cannot be used as given (not http(s), plain http to a remote host, a ':' in the user name…). */
  | 'config'
  /** 401: wrong user name or password (or an app password is needed). */
  | 'auth'
  /** 403: the account may not read or write there. */
  | 'forbidden'
  /** 404/409 when writing: the folder (WebDAV collection) the document should live in does not exist. */
  | 'collection-missing'
  /** The server redirected elsewhere; credentials are never sent to another origin. */
  | 'redirect'
  /** 5xx or another status the protocol does not expect. */
  | 'server'
  /** No answer: offline, DNS, connection refused or dropped, TLS failure. */
  | 'network'
  /** The caller aborted the sync. */
  | 'aborted'
  /** The remote document is not a valid CECOT Lens bundle; it is left untouched. */
  | 'invalid-remote'
  /** The remote document was written by a newer CECOT Lens; it is left untouched. */
  | 'newer-format'
  /** Other devices kept changing the document; gave up after the allowed attempts. Nothing was lost: sync again later. */
  | 'contention'
  /** The server's answers do not allow a safe conditional write (no ETag, only weak ETags). */
  | 'protocol';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  readonly kind: SyncErrorKind;
  /** HTTP status, when the failure is an HTTP answer. */
  readonly status: number | undefined;

  constructor(kind: SyncErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
  }
}
