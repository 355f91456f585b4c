import { useMemo, useState } from 'preact/hooks';
import type { Claim } from '../../lib/dataset/schema';
import { searchClaims, type ClaimOption } from '../../lib/dataset/claim-search';
import { statementById } from '../../lib/dataset/localize';
import { useI18n } from '../i18n';

/** More rows than this would make the list a wall of text: the reader refines the search instead. */
const SHOWN = 40;

interface Props {
  chosen: string[];
  suggested: string[];
  datasetClaims: Map<string, Claim>;
  onChange: (ids: string[]) => void;
}

/**
 * Links a note to any number of dataset claims: a search box over the
 * statements (both languages, accents ignored), the page's matches first, a
 * checkbox per claim (native, so every screen reader and the keyboard know
 * it), and the chosen claims listed above with a button to unlink each.
 */
export function ClaimPicker({ chosen, suggested, datasetClaims, onChange }: Props) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const options = useMemo(() => searchClaims(datasetClaims.values(), query, locale, suggested), [datasetClaims, query, locale, suggested]);
  const shown = options.slice(0, SHOWN);
  const chosenSet = new Set(chosen);
  const toggle = (id: string) => onChange(chosenSet.has(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const group = (items: ClaimOption[], title: string, id: string) =>
    items.length > 0 && (
      <div role="group" aria-labelledby={id} class="picker-group">
        <p id={id} class="picker-group-title">
          {title}
        </p>
        <ul>
          {items.map((o) => (
            <li key={o.id}>
              <label class="picker-option">
                <input type="checkbox" checked={chosenSet.has(o.id)} onChange={() => toggle(o.id)} data-claim-id={o.id} />
                <span>{o.statement}</span>
              </label>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <fieldset class="picker" data-testid="claim-picker">
      <legend>{t('sidebar.linkedClaims')}</legend>
      <p class="muted picker-chosen-count">{t('sidebar.pickerChosen', { count: chosen.length })}</p>
      {chosen.length > 0 && (
        <ul class="picker-chosen" data-testid="picker-chosen">
          {chosen.map((id) => {
            const statement = statementById(id, datasetClaims, locale);
            return (
              <li key={id}>
                <span>{statement}</span>
                <button type="button" class="picker-remove" aria-label={t('sidebar.pickerRemove', { statement })} onClick={() => toggle(id)}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        type="search"
        class="search"
        value={query}
        placeholder={t('sidebar.pickerSearch')}
        aria-label={t('sidebar.pickerSearchLabel')}
        aria-describedby="picker-count"
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        // Enter in the search box must not submit the whole note.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      />
      <p id="picker-count" class="sr-only" role="status">
        {query.trim() ? t('sidebar.pickerResults', { count: options.length }) : ''}
      </p>
      <div class="picker-list">
        {options.length === 0 && <p class="muted">{t('sidebar.pickerNone', { query })}</p>}
        {group(shown.filter((o) => o.suggested), t('sidebar.pickerSuggested'), 'picker-suggested')}
        {group(shown.filter((o) => !o.suggested), t('sidebar.pickerAll'), 'picker-all')}
        {options.length > SHOWN && <p class="muted">{t('sidebar.pickerMore', { count: options.length - SHOWN })}</p>}
      </div>
    </fieldset>
  );
}
