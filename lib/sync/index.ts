export { syncOnce, type FetchLike, type SyncReport, type SyncResult, type WebDavSyncOptions } from './webdav-sync';
export { syncWithFile, type FileSyncInput, type FileSyncResult } from './file-sync';
export { SyncError, type SyncErrorKind } from './sync-error';
