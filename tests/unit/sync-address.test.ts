import { describe, expect, it } from 'vitest';
import { checkSyncAddress } from '../../lib/sync/sync-address';

describe('the sync address, checked when saved', () => {
  it('a file address is fine', () => {
    expect(checkSyncAddress('https://cloud.example.org/remote.php/dav/files/me/cecot-lens.json')).toEqual({ ok: true });
  });
  it('a folder address gets a file name suggested', () => {
    expect(checkSyncAddress('https://cloud.example.org/remote.php/dav/files/me/')).toEqual({ ok: false, code: 'folder', suggestion: 'https://cloud.example.org/remote.php/dav/files/me/cecot-lens.json' });
    expect(checkSyncAddress('https://cloud.example.org/dav/notes')).toEqual({ ok: false, code: 'folder', suggestion: 'https://cloud.example.org/dav/notes/cecot-lens.json' });
  });
  it('not a web address', () => {
    expect(checkSyncAddress('ftp://x.example/a.json')).toEqual({ ok: false, code: 'not-http' });
    expect(checkSyncAddress('cloud.example.org/a.json')).toEqual({ ok: false, code: 'not-http' });
  });
});
