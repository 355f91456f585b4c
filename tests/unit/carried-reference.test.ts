import { describe, expect, it } from 'vitest';
import { relationOn } from './relation-on';

describe('a pronoun or "there" stands for what the previous sentence named', () => {
  it('"She toured" after a sentence naming Noem agrees with the visit', () => {
    const text = 'Kristi Noem landed in San Salvador on a Wednesday for talks on security and migration. She toured the CECOT prison with its warden and posed in front of a cell.';
    expect(relationOn(text, 'en', 'She toured', 'c003-noem-visit')).toBe('agrees');
  });

  it('"Ella recorrió" after a sentence naming Noem agrees with the visit', () => {
    const text = 'La secretaria Kristi Noem aterrizó en El Salvador para hablar de seguridad y migración. Ella recorrió el CECOT junto al director del penal.';
    expect(relationOn(text, 'es', 'Ella recorrió', 'c003-noem-visit')).toBe('agrees');
  });

  it('does not carry a person from a sentence that names two people', () => {
    const text = 'Kristi Noem and Nayib Bukele spoke in San Salvador about security and migration. She toured the CECOT prison with its warden and posed in front of a cell.';
    expect(relationOn(text, 'en', 'She toured', 'c003-noem-visit')).not.toBe('agrees');
  });

  it('does not carry from two sentences back', () => {
    const text = 'Kristi Noem landed in San Salvador on a Wednesday. The weather was hot and humid that week. She toured the CECOT prison with its warden and posed in front of a cell.';
    expect(relationOn(text, 'en', 'She toured', 'c003-noem-visit')).not.toBe('agrees');
  });

  it('"They were held there" after a sentence naming the deportees and CECOT agrees that they are held there', () => {
    const text = 'Hundreds of Venezuelan deportees were flown by the Trump administration to the CECOT mega-prison in March. They were held there for months without charge or a hearing.';
    expect(relationOn(text, 'en', 'They were held there', 'c000-deportees-held-in-cecot')).toBe('agrees');
  });
});

describe('a "there" that names no place', () => {
  it('"there are…" after a sentence naming the prison carries nothing', () => {
    const text = 'Hundreds of Venezuelan deportees were flown by the Trump administration to the CECOT mega-prison in March. They say there are many more held without a hearing, lawyers add.';
    expect(relationOn(text, 'en', 'They say there are', 'c000-deportees-held-in-cecot')).toBe('none');
  });
});

describe('"the prison", "la cárcel" stand for the prison the paragraph last named', () => {
  // A first paragraph that puts the page on topic, as the pages where this happens are.
  const ON = 'CECOT, El Salvador’s mega-prison in Tecoluca, holds the deportees sent from the United States.\n\n';
  const EN = 'El CECOT, la megacárcel de Tecoluca, recibe a los deportados desde Estados Unidos.\n\n';
  it('compares "the prison" as CECOT’s after a sentence of the paragraph naming CECOT', () => {
    const text = 'CECOT was opened early in 2023 outside Tecoluca. Officials boast that the prison can hold 40,000 inmates.';
    expect(relationOn(text, 'en', 'the prison can hold', 'c000-capacity-40000')).toBe('agrees');
    const es = 'El CECOT se inauguró a inicios de 2023 en Tecoluca. La cárcel tiene capacidad para 40.000 reos, dice el gobierno.';
    expect(relationOn(es, 'es', 'La cárcel tiene capacidad', 'c000-capacity-40000')).toBe('agrees');
  });

  it('does not compare "the prison", "its cells" of another country’s prison with CECOT', () => {
    const text = ON + 'Honduras plans a prison of its own on an island, copied from Bukele’s. The prison will have capacity for 20,000, and its cells will hold 100 men each.';
    expect(relationOn(text, 'en', 'capacity for 20,000', 'c000-capacity-40000')).toBe('none');
    expect(relationOn(text, 'en', 'capacity for 20,000', 'c003-cell-occupancy-65-70')).toBe('none');
    const es = EN + 'Honduras planea una megacárcel propia en una isla. La cárcel tendrá capacidad para 20.000 reos.';
    expect(relationOn(es, 'es', 'La cárcel tendrá', 'c000-capacity-40000')).toBe('none');
  });

  it('reads "la nueva prisión", "the new maximum-security prison" as references too', () => {
    const es = EN + 'Honduras planea una megacárcel propia en una isla. La nueva prisión tendrá capacidad para 20.000 reos.';
    expect(relationOn(es, 'es', 'La nueva prisión', 'c000-capacity-40000')).toBe('none');
    const text = ON + 'Honduras plans a prison of its own on an island. The new maximum-security prison will have capacity for 20,000 inmates.';
    expect(relationOn(text, 'en', 'maximum-security prison will have', 'c000-capacity-40000')).toBe('none');
  });

  it('reads "the Salvadoran prison" after another country as the topic’s own again', () => {
    const text = ON + 'Honduras plans a prison of its own on an island. The Salvadoran prison, by contrast, has capacity for 40,000 inmates.';
    expect(relationOn(text, 'en', 'has capacity for 40,000', 'c000-capacity-40000')).toBe('agrees');
    const after = ON + 'Honduras plans a prison of its own on an island. Still, El Salvador says CECOT is the model. The prison has capacity for 40,000 inmates.';
    expect(relationOn(after, 'en', 'The prison has capacity', 'c000-capacity-40000')).toBe('agrees');
  });

  it('does not compare the jail of a prison in the United States with CECOT', () => {
    const text = ON + 'Rikers Island in New York is often compared with it. The jail has capacity for about 15,000 people.';
    expect(relationOn(text, 'en', 'The jail has capacity', 'c000-capacity-40000')).toBe('none');
  });

  it('never carries past the paragraph, nor over a sentence naming CECOT again', () => {
    const next = 'CECOT, the Terrorism Confinement Center, is El Salvador’s mega-prison.\n\nHonduras plans a prison of its own on an island.\n\nThe prison, opened in 2023, has capacity for 40,000 inmates.';
    expect(relationOn(next, 'en', 'has capacity for 40,000', 'c000-capacity-40000')).toBe('agrees');
    const back = ON + 'Honduras plans a prison of its own on an island. CECOT, by contrast, opened in 2023. The prison has capacity for 40,000 inmates.';
    expect(relationOn(back, 'en', 'The prison has capacity', 'c000-capacity-40000')).toBe('agrees');
  });
});

describe('"the men", "el informe" stand for the group the previous sentence named', () => {
  it('"The men arrived at CECOT" after a sentence naming the migrants agrees that the deportees are held there', () => {
    const text = 'The Trump administration put dozens of Venezuelan migrants on charter flights in March. The men arrived at CECOT in shackles.';
    expect(relationOn(text, 'en', 'The men arrived', 'c000-deportees-held-in-cecot')).toBe('agrees');
    const es = 'La administración Trump subió a decenas de migrantes venezolanos a vuelos en marzo. Los hombres llegaron al CECOT esposados.';
    expect(relationOn(es, 'es', 'Los hombres llegaron', 'c000-deportees-held-in-cecot')).toBe('agrees');
  });

  it('"The report warns…" after a sentence naming Human Rights Watch, on its own line, agrees with the rights groups’ finding', () => {
    const text = 'CECOT holds the deportees.\nHuman Rights Watch interviewed forty former prisoners this summer.\nThe report warns that the beatings constitute inhuman treatment.';
    expect(relationOn(text, 'en', 'The report warns', 'c003-dplf-inhumane-treatment')).toBe('agrees');
    const es = 'El CECOT recibe a los deportados.\nHuman Rights Watch entrevistó a cuarenta exreclusos este verano.\nEl informe advierte que las golpizas constituyen trato inhumano.';
    expect(relationOn(es, 'es', 'El informe advierte', 'c003-dplf-inhumane-treatment')).toBe('agrees');
  });

  it('does not carry the group from two sentences back', () => {
    const text = 'CECOT holds the deportees.\nHuman Rights Watch interviewed forty former prisoners this summer.\nThe weather in Caracas was hot that week.\nThe report warns that the beatings constitute inhuman treatment.';
    expect(relationOn(text, 'en', 'The report warns', 'c003-dplf-inhumane-treatment')).toBe('none');
    const es = 'El CECOT recibe a los deportados.\nHuman Rights Watch entrevistó a cuarenta exreclusos este verano.\nEn Caracas hizo calor esa semana.\nEl informe advierte que las golpizas constituyen trato inhumano.';
    expect(relationOn(es, 'es', 'El informe advierte', 'c003-dplf-inhumane-treatment')).toBe('none');
  });
});

describe('"the authorities", "las autoridades" stand for those of the prison the previous sentence named', () => {
  it('"They accuse the authorities…" after a sentence naming rights activists and the prisons agrees with their condemnation', () => {
    const text = "CECOT holds the deportees.\nHuman rights activists have counted dozens of deaths inside El Salvador's prisons since the crackdown began. They accuse the authorities of harsh methods meant to crush the inmates' will.";
    expect(relationOn(text, 'en', 'They accuse the authorities', 'c000-rights-groups-condemn')).toBe('agrees');
    const es = 'El CECOT recibe a los deportados.\nActivistas de derechos humanos han contado decenas de muertes en las cárceles de El Salvador desde que empezó la ofensiva. Ellos acusan a las autoridades de métodos duros para quebrar la voluntad de los reos.';
    expect(relationOn(es, 'es', 'Ellos acusan a las autoridades', 'c000-rights-groups-condemn')).toBe('agrees');
  });

  it('carries no prison the previous sentence did not name', () => {
    const text = 'CECOT holds the deportees.\nHuman rights activists have counted dozens of deaths since the crackdown began. They accuse the authorities of harsh methods meant to crush the inmates\' will.';
    expect(relationOn(text, 'en', 'They accuse the authorities', 'c000-rights-groups-condemn')).toBe('none');
    const es = 'El CECOT recibe a los deportados.\nActivistas de derechos humanos han contado decenas de muertes desde que empezó la ofensiva. Ellos acusan a las autoridades de métodos duros para quebrar la voluntad de los reos.';
    expect(relationOn(es, 'es', 'Ellos acusan a las autoridades', 'c000-rights-groups-condemn')).toBe('none');
  });
});

describe('the prison nouns of a reference come from the topic', () => {
  it('builds a definite reference from the given nouns only', async () => {
    const { prisonReference } = await import('../../lib/match/carried-reference');
    expect(prisonReference([])).toBeNull();
    const re = prisonReference(['carcel', 'centro penal']) as RegExp;
    expect(re.test('la carcel tiene')).toBe(true);
    expect(re.test('el nuevo centro penal')).toBe(true);
    expect(re.test('una carcel')).toBe(false);
    expect(re.test('the prison')).toBe(false);
  });
});
