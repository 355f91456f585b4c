import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { bundledDataset } from '../../lib/dataset/bundled';
import { bundledTopic } from '../../lib/topic/bundled';

/**
 * Spanish statements without numbers (issue 8, failure kind 3): the passive that reports a claim,
 * what a purpose phrase governs, and the ways Spanish pages write the prison's purpose and its
 * conditions. Sentences in our own words.
 */
const dataset = bundledDataset();
const topic = bundledTopic();
const PREFIX = 'El CECOT y el acuerdo de deportación. ';
const parts = (text: string) =>
  analyzeText({ text: `${PREFIX}${text}` }, dataset, topic, { matchOffTopic: true, locale: 'es' })
    .claims.flatMap((c) => c.parts ?? [])
    .filter((p) => p.start >= PREFIX.length);

describe('a passive of linking reports someone\'s claim', () => {
  it.each([
    ['"han sido vinculados"', 'Casi todos los deportados han sido vinculados al Tren de Aragua.'],
    ['"fueron identificados como"', 'Los venezolanos fueron identificados como miembros del Tren de Aragua.'],
  ])('%s: the alleged link, not the flagged "they are gang members"', (_name, text) => {
    const ps = parts(text);
    expect(ps.find((p) => p.claimId === 'c003-tren-de-aragua-link')?.relation).toBe('agrees');
    expect(ps.some((p) => p.claimId === 'c003-deportees-gang-members')).toBe(false);
  });

  it('"están vinculados" (estar) states it: the flagged claim is repeated', () => {
    const ps = parts('Los deportados están vinculados al Tren de Aragua.');
    expect(ps[0]?.claimId).toBe('c003-deportees-gang-members');
    expect(ps[0]?.relation).toBe('repeats-error');
  });
});

describe('an action that ends in a preposition takes its object after it', () => {
  it('"diseñada para encerrar a 40.000 reos" does not shut in the gang members named before it', () => {
    const ps = parts('Los primeros pandilleros fueron llevados a la megacárcel, diseñada para encerrar a 40.000 reos.');
    expect(ps.some((p) => p.claimId === 'c003-cecot-gang-violence-solution')).toBe(false);
    expect(ps.find((p) => p.claimId === 'c000-capacity-40000')?.relation).toBe('agrees');
  });

  it('"para recluir a los pandilleros": the object after it is read', () => {
    const ps = parts('La nueva megacárcel servirá para recluir a los pandilleros capturados.');
    expect(ps.find((p) => p.claimId === 'c003-cecot-gang-violence-solution')?.relation).toBe('agrees');
  });

  it('only the fact\'s own phrase counts: "denuncias" read inside another fact\'s "denuncias de" keeps its object before it', () => {
    const ps = parts('Esa prisión, que acumula las denuncias de organizaciones de derechos humanos por malos tratos, recibirá a más deportados.');
    expect(ps.find((p) => p.claimId === 'c000-rights-groups-condemn')?.relation).toBe('agrees');
  });

  it('what is paid for may stand before the phrase of payment ("a cambio de un pago")', () => {
    const ps = parts('El Salvador aceptó retener a los migrantes a cambio de un pago.');
    expect(ps.find((p) => p.claimId === 'c000-payment-purpose')?.relation).toBe('agrees');
  });
});

describe('the prison built for gang members, and the "mano dura"', () => {
  it.each([
    ['"construida por Bukele para pandilleros"', 'Visitaron el Cecot, cárcel construida por Bukele para pandilleros.'],
    ['"símbolo de mano dura contra las pandillas"', 'La megacárcel, que el gobierno exhibe como símbolo de mano dura contra las pandillas, no admite visitas.'],
  ])('%s', (_name, text) => {
    expect(parts(text).find((p) => p.claimId === 'c003-cecot-gang-violence-solution')?.relation).toBe('agrees');
  });

  it('a school built for children is not the prison built for gang members', () => {
    expect(parts('El municipio inauguró una escuela construida para niños de barrios sin pandillas.').some((p) => p.claimId === 'c003-cecot-gang-violence-solution')).toBe(false);
  });
});

describe('"condiciones inhumanas", either order of noun and adjective', () => {
  it.each([
    ['noun first', 'El reportaje denuncia la violencia y las condiciones inhumanas dentro del CECOT.'],
    ['adjective first', 'El documental muestra las inhumanas condiciones del CECOT.'],
  ])('%s', (_name, text) => {
    expect(parts(text).find((p) => p.claimId === 'c003-harsh-conditions-reputation')?.relation).toBe('agrees');
  });
});

describe('rights groups denouncing human-rights violations is their condemnation', () => {
  it.each([
    ['"han denunciado violaciones de derechos humanos"', 'Organizaciones como Amnistía Internacional han denunciado violaciones de derechos humanos contra los deportados.'],
    ['after another clause', 'Mientras el gobierno habla de seguridad, Cristosal denunció violaciones a los derechos humanos de los detenidos.'],
  ])('%s', (_name, text) => {
    expect(parts(text).find((p) => p.claimId === 'c000-rights-groups-condemn')?.relation).toBe('agrees');
  });

  it('the same words with no rights group saying them stay a neighbour', () => {
    const ps = parts('En medio de denuncias de violaciones de derechos humanos, el gobierno amplió la megacárcel.');
    expect(ps.find((p) => p.claimId === 'c000-rights-groups-condemn')?.relation).toBe('related');
  });
});

describe('abuse told by others than rights groups: a neighbour of their condemnation, and listed', () => {
  it.each([
    ['a neighbour phrase alone makes the sentence worth comparing', 'Dos exreclusos contaron que fueron sometidos a palizas durante meses.'],
    ['"víctimas de torturas", said by lawyers', 'Los abogados denunciaron que sus clientes son víctimas de torturas en la cárcel.'],
  ])('%s', (_name, text) => {
    expect(parts(text).find((p) => p.claimId === 'c000-rights-groups-condemn')?.relation).toBe('related');
  });
});
