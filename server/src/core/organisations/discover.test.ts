import { strict as assert } from 'assert';
import { isStopWord } from '../stopwords';
import { NameDictionary } from './dictionary';
import { discoverOrganisations } from './discover';
import { tokeniseText } from './tokenisedText';

const known = new NameDictionary();
known.add('NHS England', 'nhs-england');
known.add('Public Health England', 'phe');
known.add('NHS', 'nhs');

function discover(source: string): { names: string[]; acronyms: string[] } {
  const found = discoverOrganisations(source, tokeniseText(source, isStopWord), {
    idOfKey: (key) => known.lookupKey(key),
    ignored: new Set(['rotherham trust']),
  });
  return {
    names: found.names.map((name) => `${name.name} [${name.evidence}]`).sort(),
    acronyms: found.acronyms.map((acronym) => `${acronym.short}=${acronym.long}`),
  };
}

describe('discovering organisations in a text', () => {
  it('accepts names by their head word or prefix', () => {
    assert.deepEqual(discover('Staff at Haughton Thornley Medical Centres met the Department of Work. The Institute for Fiscal Studies agreed.').names, [
      'Department of Work [head]',
      'Haughton Thornley Medical Centres [head]',
      'Institute for Fiscal Studies [head]',
    ]);
  });

  it('accepts names by context, even a given name after "the charity"', () => {
    assert.deepEqual(discover('The healthcare charity Sue Ryder has a new website.').names, ['Sue Ryder [kind]']);
    assert.deepEqual(discover('We spoke to Pillar Wellbeing, the social enterprise that runs it.').names, ['Pillar Wellbeing [apposition]']);
    assert.deepEqual(discover('Jo Bloggs is chief executive of Zenith Homecare and likes it.').names, ['Zenith Homecare [role]']);
    assert.deepEqual(discover('Yesterday Harbour Analytics said demand rose, as a report from Tidewater Research showed.').names, ['Harbour Analytics [quoted]', 'Tidewater Research [publication]']);
  });

  it('rejects people, places, job titles and descriptive phrases', () => {
    assert.deepEqual(discover('Psychotherapist Noel McDermott said it was bad.').names, []);
    assert.deepEqual(discover('Greater Manchester said yes. Professor Sir Chris Ham said no.').names, []);
    assert.deepEqual(discover('Integrated care matters. Integrated Care said nothing. The Chief Executive said so.').names, []);
    assert.deepEqual(discover('Amir Hannan said he was pleased. Sobell said so.').names, []);
    assert.deepEqual(discover('We went at the invitation of Amir Hannan, one of the partners in the practice.').names, []);
  });

  it('reads a name across a hard-wrapped line and writes it on one line', () => {
    const found = discover('Peer support workers saw 42 new mothers last year, according to the Royal College of\nPsychiatrists. A report by the\nGood Governance Institute (GGI) agreed.');
    assert.deepEqual(found.names, ['Good Governance Institute [acronym]', 'Royal College of Psychiatrists [head]']);
    assert.deepEqual(found.acronyms, ['GGI=Good Governance Institute']);
  });

  it('takes no single capitalised word for a name from a report or grant around it', () => {
    // A place, a date, or a name cut short where a copied text ends.
    assert.deepEqual(discover('Will councils fund the grant from January? A 2017 report by the Thornwell').names, []);
    assert.deepEqual(discover('A 2017 report by the Thornwell Carers Network said so.').names, ['Thornwell Carers Network [head]']);
  });

  it('ignores title-case headings and names listed as ignored', () => {
    assert.deepEqual(discover('Hate Crime on The Rise Across Northern Trust Areas\nRotherham Trust said so.').names, []);
  });

  it('separates an organisation from the person and job title around it', () => {
    assert.deepEqual(discover('“Great,” said Zenith Homecare Chief Executive Officer Heidi Travis.').names, ['Zenith Homecare [role]']);
    assert.deepEqual(discover('One guest, Andy Field, Chairman of Ashford and St Peter’s NHS Foundation Trust in Surrey, spoke.').names, [
      'Ashford and St Peter’s NHS Foundation Trust [head]',
    ]);
  });

  it('splits two names joined by "and" or "for" only when both stand alone', () => {
    assert.deepEqual(discover('It was made by GGI Development and Research LLP for the Good Governance Institute.').names, [
      'GGI Development and Research LLP [head]',
      'Good Governance Institute [head]',
    ]);
    assert.deepEqual(discover('Staff from NHS England and Public Health England met.').names, []);
    assert.deepEqual(discover('Staff from the Department of Health and Social Care met.').names, ['Department of Health and Social Care [head]']);
    assert.deepEqual(discover('Staff from the Association of Directors of Adult Social Services met.').names, [
      'Association of Directors of Adult Social Services [head]',
    ]);
  });

  it('leaves out the person in "X of the Y"', () => {
    assert.deepEqual(discover('“Yes,” said Declan Hughes of the Royal College of Psychiatrists.').names, ['Royal College of Psychiatrists [head]']);
    assert.deepEqual(discover('“Yes,” said Tomasz Wrobel of the Royal College of Psychiatrists.').names, ['Royal College of Psychiatrists [head]']);
  });

  it('reads acronym definitions in both orders, extending a long form cut short', () => {
    const found = discover('The Good Governance Institute (GGI) met SFT (Salford Families Trust). Ashford and St Peter’s Hospitals Trust (ASPH) agreed.');
    assert.deepEqual(found.acronyms, ['GGI=Good Governance Institute', 'SFT=Salford Families Trust', 'ASPH=Ashford and St Peter’s Hospitals Trust']);
    assert.ok(found.names.includes('Good Governance Institute [acronym]'));
  });

  it('reads the definitions that follow opening parentheses left unclosed, on the line and before it', () => {
    const found = discover('Notes ( ( (\nSee ( the Good Governance Institute (GGI) and ( SFT (Salford Families Trust) too.');
    assert.deepEqual(found.acronyms, ['GGI=Good Governance Institute', 'SFT=Salford Families Trust']);
  });

  it('cuts the sentence shown for a name where a text runs on without a full stop', () => {
    const filler = 'and the staff met again '.repeat(400);
    const source = `${filler}with the charity Riverside Carers Network ${filler}`;
    const found = discoverOrganisations(source, tokeniseText(source, isStopWord), { idOfKey: () => undefined, ignored: new Set() });
    const name = found.names.find((each) => each.name === 'Riverside Carers Network');
    assert.ok(name, 'the name is found');
    const sentence = source.slice(name.sentence.start, name.sentence.end);
    assert.ok(sentence.includes('the charity Riverside Carers Network'));
    // 100 tokens either side of the name, of at most 5 characters and a space each.
    assert.ok(sentence.length < 2 * 100 * 6 + 'Riverside Carers Network'.length, `${sentence.length} characters`);
  });

  it('does not take a common noun defined by an acronym for an organisation', () => {
    assert.deepEqual(discover('Four integrated care systems (ICSs) and Key Performance Indicators (KPIs) began.').acronyms, []);
  });

  it('survives empty, odd and unbalanced text', () => {
    for (const text of ['', '(', 'A (B', 'The (', ')))', '\u0000\u0001 NHS (', 'X (Y) (Z']) {
      assert.doesNotThrow(() => discover(text));
    }
  });
});
