import { describe, expect, it, vi } from 'vitest';
import { makePageAnalyzer } from '../../lib/background/page-analyzer';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

const text = `Inside the deal that sends deportees to El Salvador's mega-prison
The Terrorism Confinement Center, known as CECOT, can hold up to 40,000 inmates, according to the Salvadoran government.
Last month the Trump administration sent 238 Venezuelan men to the prison under the Alien Enemies Act of 1789.`;

describe('the background page analyzer', () => {
  it('compares a page with the stored dataset and builds its matcher once per dataset version', async () => {
    const { claims, subjects } = bundledDataset();
    let version = 'v1';
    // A fresh copy per read, as the database would return.
    const read = vi.fn(async () => ({ version, claims: structuredClone(claims), subjects: structuredClone(subjects) }));
    const analyze = makePageAnalyzer(read, async () => version, bundledTopic);
    const first = await analyze({ url: 'https://news.example/x', title: 'Deal', text });
    expect(first.topic.onTopic).toBe(true);
    // The Act's year is wrong (the dataset's article says 1798); the 238 are a narrower group than its 261.
    const conflict = first.claims.find((c) => c.text.includes('238'));
    expect(conflict?.matches.find((m) => m.relation === 'conflicts')?.explanation).toMatch(/1789.*1798/);
    expect(conflict?.parts.map((p) => [p.kind, p.relation])).toEqual(expect.arrayContaining([['count', 'related'], ['year', 'conflicts']]));
    const capacity = first.claims.find((c) => c.text.includes('40,000'));
    expect(capacity?.matches.some((m) => m.claimId === 'c000-capacity-40000' && m.relation === 'agrees')).toBe(true);
    await analyze({ url: 'https://news.example/y', title: 'Deal', text });
    expect(read).toHaveBeenCalledTimes(1);
    version = 'v2';
    await analyze({ url: 'https://news.example/z', title: 'Deal', text });
    expect(read).toHaveBeenCalledTimes(2);
  });
});
