import topicJson from '../../seeds/topic.json';
import { parseTopic, type Topic } from './schema';

let cached: Topic | undefined;

/** The topic file shipped with the extension, validated on first use. */
export function bundledTopic(): Topic {
  cached ??= parseTopic(topicJson);
  return cached;
}
