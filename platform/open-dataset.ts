import { browser } from 'wxt/browser';

/** Opens the Dataset page (`hash` picks the view: `add?tab=N&claim=KEY` is the add-to-dataset form). */
export async function openDatasetPage(hash = ''): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/dataset.html${hash ? `#${hash}` : ''}`) });
}
