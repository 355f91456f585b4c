import type { AreaCatalog } from '../translate';

/**
 * Why a page is (or is not) about the topic: the recognizer's reasons
 * (lib/topic/recognize.ts `reasonParts`), worded here. `{label}` is the topic
 * file's label for the term, combination or near-miss, in the interface's
 * language when the file has one.
 */
export const topic = {
  en: {
    names: { one: 'names {label} once', other: 'names {label} {count} times' },
    mentions: { one: 'mentions {label} once', other: 'mentions {label} {count} times' },
    namesInTitle: { one: 'names {label} once, in the title too', other: 'names {label} {count} times, in the title too' },
    mentionsInTitle: { one: 'mentions {label} once, in the title too', other: 'mentions {label} {count} times, in the title too' },
    combo: 'speaks of {label}',
    against: 'speaks of {label}, which points away from the topic',
  },
  es: {
    names: { one: 'nombra {label} una vez', other: 'nombra {label} {count} veces' },
    mentions: { one: 'menciona {label} una vez', other: 'menciona {label} {count} veces' },
    namesInTitle: { one: 'nombra {label} una vez, también en el título', other: 'nombra {label} {count} veces, también en el título' },
    mentionsInTitle: { one: 'menciona {label} una vez, también en el título', other: 'menciona {label} {count} veces, también en el título' },
    combo: 'habla de {label}',
    against: 'habla de {label}, lo que la aleja del tema',
  },
} satisfies AreaCatalog;
