import { storage } from 'wxt/utils/storage';
import { readSettings, Settings, type Settings as SettingsT } from '../lib/settings/schema';

const item = storage.defineItem<unknown>('local:settings');

export async function loadSettings(): Promise<SettingsT> {
  return readSettings(await item.getValue());
}

/** Validates before writing, so a bad value never reaches storage. */
export async function saveSettings(next: SettingsT): Promise<SettingsT> {
  const valid = Settings.parse(next);
  await item.setValue(valid);
  return valid;
}

export async function updateSettings(change: (current: SettingsT) => SettingsT): Promise<SettingsT> {
  return saveSettings(change(await loadSettings()));
}

export function watchSettings(callback: (settings: SettingsT) => void): () => void {
  return item.watch((value) => callback(readSettings(value)));
}
