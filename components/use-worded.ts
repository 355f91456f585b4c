import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n';
import { useT } from './i18n';

/**
 * State shown as words (a status line, an error) kept as how to word it rather than as the words:
 * it then follows a switch of the interface language, instead of staying in the language it was
 * first shown in until the next action replaces it.
 */
export function useWorded<T>(): [T | null, (word: ((t: Translate) => T) | null) => void] {
  const t = useT();
  const [word, setWord] = useState<{ of: (t: Translate) => T } | null>(null);
  return [word ? word.of(t) : null, (next) => setWord(next ? { of: next } : null)];
}

/**
 * The file a file input holds, taken out of it: the input is emptied, so that choosing the same
 * file again (after fixing it on disk, or after cancelling) fires `change` and is read anew.
 */
export function takeChosenFile(input: HTMLInputElement): File | undefined {
  const chosen = input.files?.[0];
  input.value = '';
  return chosen;
}
