export { canonicalUrl, CanonicalUrlError, type CanonicalUrlErrorReason } from './canonical-url';
export { registrableDomain, sameSite } from './registrable-domain';
export { isTrackingParam } from './tracking-params';
