import { describe, expect, it } from 'vitest';
import { bundledTopic } from '../../lib/topic/bundled';
import { recognizeTopic } from '../../lib/topic';

/**
 * Topic recognition (issue 8): a page machine-translated into English garbles the topic's names
 * ("Foreign Enemies Act", "Train of Aragua") and may never name CECOT; a page about something else
 * that names CECOT once, in a bracketed aside, is not about it. Texts in our own words.
 */
const topic = bundledTopic();
const verdict = (text: string) => recognizeTopic({ url: 'https://news.example/story', title: '', text }, topic);

describe('the topic’s names as a machine translation gives them', () => {
  const translated = (act: string, gang: string) =>
    `A judge wrote that officials likely ignored his order to turn back two planes carrying supposed members of the ${gang} to El Salvador. ` +
    `The administration had invoked the ${act}, a war law, to expel the Venezuelan men without hearings.`;

  it.each([
    ['Foreign Enemies Act', 'Train of Aragua'],
    ['Extraterrestrial Enemies Act', 'Tren from Aragua'],
    ['Enemy Aliens Act', 'Aragua Train'],
  ])('"%s" and "%s" are the Alien Enemies Act and Tren de Aragua', (act, gang) => {
    const v = verdict(translated(act, gang));
    expect(v.onTopic).toBe(true);
    expect(v.reasons).toContain('speaks of the Alien Enemies Act and El Salvador');
  });

  it('the same page with the plain names is on topic too (no other sign changed)', () => {
    expect(verdict(translated('Alien Enemies Act', 'Tren de Aragua')).onTopic).toBe(true);
  });
});

describe('a name of the topic in a bracketed aside', () => {
  const costs = (aside: string) =>
    'Keeping El Salvador’s prisoners costs the state hundreds of millions of dollars over a few years, an estimate based on the national budget suggests. ' +
    `The figure covers food, water and guards, but not the building of new prisons ${aside}. ` +
    'Economists asked the finance ministry to publish the real cost per inmate in each prison of El Salvador.';

  it('is a passing mention: a page on the prison system’s costs is not about CECOT', () => {
    const v = verdict(costs('(among them CECOT, whose full price the government never gave)'));
    expect(v.onTopic).toBe(false);
    expect(v.reasons.some((r) => r.startsWith('names CECOT'))).toBe(false);
  });

  it('the same name outside the brackets still names the topic', () => {
    expect(verdict(costs('such as CECOT, whose full price the government never gave')).onTopic).toBe(true);
  });

  it.each([
    'Reporters toured the Terrorism Confinement Center (CECOT) in El Salvador.',
    'Reporters toured the mega-prison (known as CECOT) in El Salvador.',
    'Reporters toured the mega-prison (Centro de Confinamiento del Terrorismo, CECOT) in El Salvador.',
  ])('a gloss in brackets is not an aside: %s', (text) => {
    expect(verdict(text).reasons.some((r) => /^names (CECOT|the Terrorism Confinement Center)/.test(r))).toBe(true);
  });
});
