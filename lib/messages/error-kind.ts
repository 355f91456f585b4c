/**
 * The background's errors travel as English strings (the message protocol
 * carries `error: string`, and logs and tests read them). The kinds a reader
 * can meet and act on are recognised here by their fixed opening words, so
 * that the interface shows its own sentence, in its language, for them.
 */
export type ErrorKind = 'storage-full' | 'refused' | 'invalid-message';

const KINDS: ReadonlyArray<[RegExp, ErrorKind]> = [
  [/^storage is full\b/, 'storage-full'],
  [/^refused: /, 'refused'],
  [/^invalid message: /, 'invalid-message'],
];

export function errorKind(message: string): ErrorKind | null {
  for (const [pattern, kind] of KINDS) if (pattern.test(message)) return kind;
  return null;
}
