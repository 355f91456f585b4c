import { translator, type Locale, type MessageKey } from '../i18n';
import type { TopicReason } from './recognize';

const TERM_KEY: Record<`${'names' | 'mentions'}${'' | 'InTitle'}`, MessageKey> = {
  names: 'topic.names',
  mentions: 'topic.mentions',
  namesInTitle: 'topic.namesInTitle',
  mentionsInTitle: 'topic.mentionsInTitle',
};

/** One recognizer reason in the reader's language; the English label where the topic file has no Spanish one. */
export function reasonText(reason: TopicReason, locale: Locale): string {
  const t = translator(locale);
  const label = locale === 'es' && reason.labelEs ? reason.labelEs : reason.label;
  switch (reason.kind) {
    case 'term':
      return t(TERM_KEY[`${reason.verb}${reason.inTitle ? 'InTitle' : ''}`], { label, count: reason.count });
    case 'combo':
      return t('topic.combo', { label });
    case 'negative':
      return t('topic.against', { label });
  }
}
