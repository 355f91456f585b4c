/** Whether a host is switched off by the reader's list ("example.com" also covers its subdomains). */
export function isSiteDisabled(host: string, disabledSites: readonly string[]): boolean {
  const h = host.toLowerCase();
  return disabledSites.some((site) => {
    const bare = site.startsWith('*.') ? site.slice(2) : site;
    return h === bare || h.endsWith(`.${bare}`);
  });
}
