/**
 * Query parameters that only track how a reader arrived (campaigns, click
 * ids, share ids) and never change what the page shows. Removing them lets
 * notes made via a newsletter link and via a search result land on one key.
 * Ambiguous names (`ref`, `cid`, `source`, `s`) are deliberately kept: on some
 * sites they select content.
 */
const TRACKING_PARAMS = new Set([
  // Ad-network click ids
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'li_fat_id', 'igshid', 'igsh', 'srsltid', 's_kwcid', 'ef_id', 'rb_clickid', 'epik',
  // Mail and marketing platforms
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'mkt_tok',
  '_kx', 'vero_id', 'wickedid', 'oly_anon_id', 'oly_enc_id',
  // Analytics cross-domain and share markers
  '_ga', '_gl', 'ref_src', 'ref_url', 'smid', 'smtyp', 'ncid', 'ocid', 'icid', 'cmpid', 'xtor',
  'soc_src', 'soc_trk', 'sr_share', 'spm', '__twitter_impression',
  'fb_action_ids', 'fb_action_types', 'fb_source', 'fb_ref',
  'action_object_map', 'action_type_map', 'action_ref_map',
  'guccounter', 'guce_referrer', 'guce_referrer_sig',
]);

/** Families of tracking parameters recognised by prefix. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'piwik_', 'hsa_', 'itm_', '__cf_chl_'];

/** True when the (decoded) parameter name is a tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}
