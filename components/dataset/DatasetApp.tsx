import { useEffect, useState } from 'preact/hooks';
import { AddClaimForm } from './AddClaimForm';
import { DatasetBrowser } from './DatasetBrowser';

/** `#add?tab=N&from=draft` or `#add?tab=N&claim=KEY`: the add-to-dataset form for that tab; anything else: the browser. */
export function parseDatasetHash(hash: string): { view: 'add'; tabId: number; claimKey: string | null } | { view: 'browse' } {
  const [route, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const tab = Number(params.get('tab'));
  if (route === 'add' && Number.isInteger(tab)) return { view: 'add', tabId: tab, claimKey: params.get('claim') };
  return { view: 'browse' };
}

export function DatasetApp() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const route = parseDatasetHash(hash);
  return route.view === 'add' ? <AddClaimForm tabId={route.tabId} claimKey={route.claimKey} /> : <DatasetBrowser />;
}
