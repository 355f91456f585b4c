/**
 * Topic recognition. Lean on purpose: the content script loads this on every
 * page, so it imports no DOM library and no article extractor.
 *
 *   gate(page, topic) / gateDocument(doc, url, topic)  cheap first test, title + URL + first KB
 *   recognizeTopic(page, topic)                         the full verdict with reasons
 */
export { gate, gateDocument, leadingText, urlWords, type GateResult, type PageText } from './gate';
export { recognizeTopic, type RecognizeOptions, type TopicReason, type TopicVerdict } from './recognize';
export { compileTopic, type CompiledTopic } from './compile-topic';
export { Topic, parseTopic, type TopicInput } from './schema';
