import { parseQuantities } from '../text/parse-quantities';
import { foldText } from '../text/fold';
import { UserClaim, type UserValue } from './layer-schema';
import { Qualifier, Subject, type Claim } from './schema';
import type { TextQuoteSelector } from '../schema/selectors';
import { addedClaimNotes } from './reader-notes';

/**
 * The add-to-dataset form as plain data: pre-filled from what the page session
 * found, and turned back into a validated user claim (and its new subject).
 * Kept out of the component so that both are tested in Node.
 */
export interface ClaimFormState {
  /** Empty: made from the statement when saved. */
  id: string;
  statement: string;
  statementEs: string;
  category: Claim['category'];
  /** An existing subject's key, or '' to create `newSubject`. */
  subject: string;
  newSubject: { key: string; label: string; labelEs: string; kind: 'quantity' | 'statement'; unit: string; cuesEn: string; cuesEs: string };
  valueKind: 'none' | UserValue['kind'];
  quantity: { value: string; min: string; max: string; qualifier: Qualifier; text: string };
  year: string;
  date: string;
  title: string;
  claimantType: Claim['claimant']['type'];
  claimantName: string;
  claimDate: string;
  quote: string;
  /** The quote as the page session captured it (selectors on the page's text): the edited quote must lie inside it. */
  captured: TextQuoteSelector | null;
  sourceUrl: string;
  sourceTitle: string;
  seenAt: string;
  /** The page's language ("en", "es"): the quote's words become terms in it. */
  language: string;
}

export interface PrefillInput {
  text: string;
  captured: TextQuoteSelector | null;
  pageUrl: string;
  pageTitle: string;
  language: string;
  /** Dataset claims the page claim matched: their subject is the first guess. */
  matchedClaims: readonly Pick<Claim, 'subject'>[];
  now: Date;
}

function slug(s: string): string {
  return foldText(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function newClaimId(statement: string, now: Date): string {
  return `u-${slug(statement) || 'claim'}-${now.getTime().toString(36)}`;
}

export function prefillClaimForm(input: PrefillInput): ClaimFormState {
  const text = input.text.replace(/\s+/g, ' ').trim();
  const q = parseQuantities(text)[0];
  const es = input.language.startsWith('es');
  return {
    id: '',
    // The page's own words in both; the form asks the reader to put the other language's into it.
    statement: text,
    statementEs: text,
    category: q ? 'quantity' : 'event',
    subject: input.matchedClaims[0]?.subject ?? '',
    newSubject: { key: '', label: '', labelEs: '', kind: q ? 'quantity' : 'statement', unit: q?.unit ?? '', cuesEn: '', cuesEs: '' },
    valueKind: q ? (q.category === 'year' ? 'year' : 'quantity') : 'none',
    quantity: {
      value: q?.value !== undefined ? String(q.value) : '',
      min: q?.min !== undefined ? String(q.min) : '',
      max: q?.max !== undefined ? String(q.max) : '',
      qualifier: q?.qualifier ?? 'exact',
      text: q?.text ?? '',
    },
    year: q?.category === 'year' && q.value !== undefined ? String(q.value) : '',
    date: '',
    title: '',
    claimantType: 'article',
    claimantName: '',
    claimDate: '',
    quote: input.captured?.exact ?? text,
    captured: input.captured,
    sourceUrl: input.pageUrl,
    sourceTitle: input.pageTitle,
    seenAt: input.now.toISOString(),
    language: es ? 'es' : 'en',
  };
}

export type FormResult = { ok: true; claim: UserClaim; subject?: Subject } | { ok: false; errors: { field: string; message: string }[] };

const words = (s: string) =>
  s
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * Validates the form with the dataset's own schemas. The quote must be the
 * captured selection or a part of it (so that it is on the page); its
 * selectors are recomputed so that prefix and suffix still surround it.
 */
export function formToClaim(form: ClaimFormState, subjects: readonly Subject[]): FormResult {
  const errors: { field: string; message: string }[] = [];
  let subject: Subject | undefined;
  let subjectKey = form.subject;
  if (!subjectKey) {
    const parsed = Subject.safeParse({
      key: form.newSubject.key,
      label: form.newSubject.label,
      labelEs: form.newSubject.labelEs || form.newSubject.label,
      kind: form.newSubject.kind,
      ...(form.newSubject.kind === 'quantity' ? { unit: form.newSubject.unit } : {}),
      description: form.newSubject.label || form.newSubject.key,
      cues: { en: words(form.newSubject.cuesEn), es: words(form.newSubject.cuesEs) },
    });
    if (!parsed.success) errors.push({ field: `newSubject.${parsed.error.issues[0]?.path.join('.')}`, message: parsed.error.issues[0]?.message ?? 'invalid' });
    else if (parsed.data.kind === 'quantity' && !parsed.data.unit) errors.push({ field: 'newSubject.unit', message: 'a quantity subject needs a unit' });
    else if (subjects.some((s) => s.key === parsed.data.key)) errors.push({ field: 'newSubject.key', message: 'this subject exists already: pick it from the list' });
    else subject = parsed.data;
    subjectKey = form.newSubject.key;
  }
  const unit = subject?.unit ?? subjects.find((s) => s.key === subjectKey)?.unit;

  let value: UserValue | undefined;
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(/[,\s]/g, '')));
  if (form.valueKind === 'quantity') {
    const isRange = form.quantity.qualifier === 'range';
    value = {
      kind: 'quantity',
      quantity: {
        ...(isRange ? { min: num(form.quantity.min), max: num(form.quantity.max) } : { value: num(form.quantity.value) }),
        unit: unit ?? '',
        qualifier: form.quantity.qualifier,
        text: form.quantity.text || form.quote,
      },
    } as UserValue;
  } else if (form.valueKind === 'year') value = { kind: 'year', year: Number(form.year) };
  else if (form.valueKind === 'date') value = { kind: 'date', date: form.date };
  else if (form.valueKind === 'title') value = { kind: 'title', title: form.title };

  let quote: TextQuoteSelector | undefined;
  const exact = form.quote.trim();
  if (exact) {
    const captured = form.captured;
    const at = captured ? captured.exact.indexOf(exact) : -1;
    if (!captured || at < 0) errors.push({ field: 'quote', message: 'the quote is not on the page: it must be the selected text or part of it' });
    else {
      quote = {
        type: 'TextQuoteSelector',
        exact,
        prefix: ((captured.prefix ?? '') + captured.exact.slice(0, at)).slice(-32),
        suffix: (captured.exact.slice(at + exact.length) + (captured.suffix ?? '')).slice(0, 32),
      };
    }
  }

  const candidate = {
    id: form.id || newClaimId(form.statement.trim(), new Date(form.seenAt)),
    statement: form.statement.trim(),
    statementEs: form.statementEs.trim(),
    subject: subjectKey,
    category: form.category,
    ...(value ? { value } : {}),
    entities: [],
    claimant: { type: form.claimantType, ...(form.claimantName.trim() ? { name: form.claimantName.trim() } : {}) },
    date: form.claimDate.trim() || null,
    terms: { en: [], es: [] },
    assessment: { status: 'single-source', ...addedClaimNotes(form.sourceTitle || form.sourceUrl), related: [] },
    webSources: [{ url: form.sourceUrl, title: form.sourceTitle, seenAt: form.seenAt, ...(quote ? { quote } : {}) }],
  };
  const parsed = UserClaim.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) errors.push({ field: issue.path.join('.'), message: issue.message });
  if (errors.length || !parsed.success) return { ok: false, errors };
  // The quote's words make the claim findable on other pages, like the bundled claims' terms.
  const claim = parsed.data;
  if (quote) (form.language === 'es' ? claim.terms.es : claim.terms.en).push(quote.exact.slice(0, 200));
  return subject ? { ok: true, claim, subject } : { ok: true, claim };
}
