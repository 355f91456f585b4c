import { z } from '../schema/zod';
import { Annotation } from '../annotations/schema';
import type { Claim } from '../dataset/schema';
import type { AnnotationList } from '../store/annotations-repo';

/**
 * Every message a content script or an extension page may send to the
 * background. The background parses each one with `Request` before acting, so
 * a malformed or unknown message is answered with an error, never obeyed.
 */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dataset/status') }),
  z.object({ type: z.literal('dataset/claims'), ids: z.array(z.string()).max(1000).optional() }),
  z.object({ type: z.literal('annotations/list'), canonicalUrl: z.string().url(), includeDeleted: z.boolean().default(false) }),
  z.object({ type: z.literal('annotations/save'), annotation: Annotation }),
  z.object({ type: z.literal('annotations/delete'), id: z.string().uuid() }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Replies travel as a plain envelope so that errors cross the message boundary as data. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export const ReplyEnvelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export interface DatasetStatus {
  id: string;
  version: string;
  loadedAt: string;
  claimCount: number;
  sourceCount: number;
  subjectCount: number;
}

/** What each request's reply carries when it succeeds. */
export interface ReplyData {
  'dataset/status': DatasetStatus;
  'dataset/claims': Claim[];
  'annotations/list': AnnotationList;
  'annotations/save': Annotation;
  'annotations/delete': Annotation | null;
}
