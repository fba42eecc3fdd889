import { strict as assert } from 'assert';
import { Corpus } from '../corpus';
import { OrganisationIndex } from './index';
import { copyOf } from '../fixtures/indexedFiles';

function setup(files: Record<string, string>): { corpus: Corpus; index: OrganisationIndex } {
  const corpus = new Corpus();
  const index = new OrganisationIndex().attach(corpus);
  corpus.apply(Object.entries(files).map(([uri, text]) => ({ uri, relativePath: uri, text })));
  return { corpus, index };
}

function mentioned(index: OrganisationIndex, uri: string): string[] {
  const text = index.file(uri)!.text;
  return index.mentionsIn(uri).mentions.map((mention) => `${text.slice(mention.start, mention.end)}=${mention.id}`);
}

const ARTICLE = (title: string, body: string): string => `${title}\n\n${body}\n`;

describe('organisation index', () => {
  it('recognises gazetteer names with their aliases and possessives', () => {
    const { index } = setup({
      a: ARTICLE('Trust and speed', 'Anna Charles writing at the King’s Fund: the Care Quality Commission and the CQC’s inspectors agreed with NHS England.'),
    });
    assert.deepEqual(mentioned(index, 'a'), [
      'King’s Fund=kings-fund',
      'Care Quality Commission=care-quality-commission',
      'CQC=care-quality-commission',
      'NHS England=nhs-england',
    ]);
    assert.deepEqual(index.mentionsIn('a').ties, [{ id: 'kings-fund', person: 'Anna Charles' }]);
  });

  it('counts a file it cannot read as mentioning nothing, reports it, and recognises the others', () => {
    const { corpus, index } = setup({ a: ARTICLE('Plans', 'NHS England said so.'), b: ARTICLE('More plans', 'The Care Quality Commission agreed.') });
    assert.deepEqual(index.takeFailures(), []);
    // A text that cannot be read back (its scratch file gone, a disk error) throws as a recogniser bug would.
    const unreadable = copyOf(corpus.get('b')!, { hash: 'changed' });
    Object.defineProperty(unreadable, 'text', { get: () => { throw new Error('disk error'); } });
    index.update({ updated: [unreadable, copyOf(corpus.get('a')!, { hash: 'changed too' })], removed: [] });
    assert.deepEqual(mentioned(index, 'a'), ['NHS England=nhs-england']);
    assert.deepEqual(index.mentionsIn('b').mentions, []);
    assert.equal(index.fileCountOf('care-quality-commission'), 0);
    assert.deepEqual(index.takeFailures(), [{ uri: 'b', relativePath: 'b', message: 'disk error' }]);
    assert.deepEqual(index.takeFailures(), [], 'each failure is reported once');
  });

  it('recognises a name with a plural possessive inside it as one mention', () => {
    const text = "Operations at Guy's and St Thomas' NHS Foundation Trust were put off, the Pharmacists' Defence Association said.";
    const names = mentioned(setup({ a: ARTICLE('Strike days', text) }).index, 'a');
    assert.deepEqual(names, ["Guy's and St Thomas' NHS Foundation Trust=guys-and-st-thomas-nhs-foundation-trust", "Pharmacists' Defence Association=pharmacists-defence-association"]);
  });

  it('recognises a gazetteer name with commas in it whole', () => {
    const text = 'The Department for Levelling Up, Housing and Communities wrote to every council, the minister said.';
    assert.deepEqual(mentioned(setup({ a: ARTICLE('Councils', text) }).index, 'a'), ['Department for Levelling Up, Housing and Communities=dluhc']);
  });

  it('recognises a name broken by a hard-wrapped line, and counts its spelling on one line', () => {
    const { index } = setup({
      a: ARTICLE('Wards', 'Peer support workers saw 42 new mothers last year, according to the Royal College of\nPsychiatrists. Staff agreed with the findings.'),
    });
    assert.deepEqual(mentioned(index, 'a'), ['Royal College of\nPsychiatrists=rcpsych']);
    assert.deepEqual([...(index.tallies.get('rcpsych')?.spellings.keys() ?? [])], ['Royal College of Psychiatrists']);
  });

  it('recognises a name learned in one file in every file, and forgets it when that file changes', () => {
    const { corpus, index } = setup({
      a: ARTICLE('News', 'The charity Pillar Wellbeing opened a hub in Leeds.'),
      b: ARTICLE('More news', 'Volunteers thanked Pillar Wellbeing for its help.'),
    });
    assert.deepEqual(mentioned(index, 'b'), ['Pillar Wellbeing=pillar-wellbeing']);
    const organisation = index.organisation('pillar-wellbeing');
    assert.equal(organisation?.definition?.text, 'The charity Pillar Wellbeing opened a hub in Leeds.');
    assert.equal(organisation?.definition?.uri, 'a');

    corpus.apply([{ uri: 'a', relativePath: 'a', text: ARTICLE('News', 'A hub opened in Leeds.') }]);
    assert.deepEqual(mentioned(index, 'b'), []);
    assert.equal(index.organisation('pillar-wellbeing'), undefined);
  });

  it('makes an acronym defined in one file the same organisation everywhere', () => {
    const { corpus, index } = setup({
      a: ARTICLE('Launch', 'The Salford Families Trust (SFT) launched a fund.'),
      b: ARTICLE('Later', 'The fund grew, and SFT’s board agreed with SFT on it.'),
    });
    assert.deepEqual(mentioned(index, 'b'), ['SFT=salford-families-trust', 'SFT=salford-families-trust']);
    assert.deepEqual(index.organisation('salford-families-trust')?.aliases, ['SFT']);
    corpus.apply([], ['a']);
    assert.deepEqual(mentioned(index, 'b'), []);
    assert.equal(index.mentionsOf('salford-families-trust').size, 0);
  });

  it('groups mentions by organisation, file and article', () => {
    const { index } = setup({
      a: `${ARTICLE('First piece', 'NHS England met the NHS Confederation. NHS England agreed with them on everything they discussed that day, which was most welcome news for the many people who had waited for months and months for it to happen, as the members of both bodies said in their letters.')}\n${ARTICLE('Second piece', 'Sally Gee writing at the Nuffield Trust: the NHS Confederation had changed its mind about the plan, which surprised a number of readers who had followed the story since it began last spring.')}`,
    });
    const mentions = index.mentionsOf('nhs-confederation').get('a')!;
    assert.deepEqual(mentions.map((mention) => mention.article), [0, 1]);
    assert.equal(index.mentionsOf('nhs-england').get('a')!.length, 2);
    assert.deepEqual(index.mentionsIn('a').ties, [{ id: 'nuffield-trust', person: 'Sally Gee' }]);
  });

  it('finds the mention under a position, its last character included', () => {
    const { index } = setup({ a: 'The NHS said so.' });
    assert.equal(index.mentionAt('a', 3), undefined);
    assert.equal(index.mentionAt('a', 4)?.id, 'nhs');
    assert.equal(index.mentionAt('a', 7)?.id, 'nhs');
    assert.equal(index.mentionAt('a', 8), undefined);
  });

  it('takes the "The" that begins a name for its mention, and no other "the"', () => {
    const text = 'Writing at The King’s Fund, she said the\nKing’s Fund and the NHS agreed.';
    const { index } = setup({ a: text });
    const at = (word: string, from = 0): number => text.indexOf(word, from) + 1;
    const first = index.mentionUnder('a', at('The'));
    assert.deepEqual(first && [first.id, text.slice(first.start, first.end)], ['kings-fund', 'The King’s Fund']);
    assert.equal(index.mentionAt('a', at('The')), undefined);
    const wrapped = index.mentionUnder('a', at('the\n'));
    assert.deepEqual(wrapped && [wrapped.id, text.slice(wrapped.start, wrapped.end)], ['kings-fund', 'the\nKing’s Fund']);
    assert.equal(index.mentionUnder('a', at('the NHS')), undefined, 'the NHS is not called "The NHS"');
    assert.equal(index.mentionUnder('a', at('said')), undefined);
    assert.equal(index.mentionUnder('a', at('King’s'))?.id, 'kings-fund');
  });

  it('adds, extends and ignores names from the workspace gazetteer', () => {
    const { index } = setup({ a: 'Zorblax Partners met the Patients Association and Labour Party members.' });
    index.setWorkspaceGazetteer({
      organisations: [
        { id: 'zorblax', name: 'Zorblax', aliases: ['Zorblax Partners'], description: 'A made-up firm.' },
        { id: 'the-patients-association', name: 'The Patients Association', aliases: [], description: 'Ours.' },
      ],
      ignore: ['Labour Party', 'Labour'],
    });
    assert.deepEqual(mentioned(index, 'a'), ['Zorblax Partners=zorblax', 'Patients Association=the-patients-association']);
    assert.equal(index.organisation('the-patients-association')?.description, 'Ours.');
  });

  it('tells no hover-worthy organisation in headings and common phrases', () => {
    const { index } = setup({
      a: 'Integrated Care\n\nIntegrated care is the future. Hate Crime\n\nPrevious\nNext\n',
    });
    assert.deepEqual(mentioned(index, 'a'), []);
  });
});

describe('organisation index, updated in steps', () => {
  const FILES = {
    // "Harbour Helpers" is learned from b ("the charity ..."), after a was read: a's mention is found in the second pass.
    a: ARTICLE('Funding', 'Staff at Harbour Helpers met NHS England about the winter.'),
    b: ARTICLE('Volunteers', 'The charity Harbour Helpers said volunteers helped the Care Quality Commission.'),
    c: ARTICLE('Wards', 'Nothing here names anyone.'),
  };

  it('ends with the same mentions as an update at once, and answers between steps', () => {
    const atOnce = setup(FILES).index;
    const corpus = new Corpus();
    corpus.apply(Object.entries(FILES).map(([uri, text]) => ({ uri, relativePath: uri, text })));
    const stepped = new OrganisationIndex();
    let steps = 0;
    for (const _ of stepped.updateSteps({ updated: [...corpus.all()], removed: [] })) {
      steps++;
      for (const uri of Object.keys(FILES)) assert.ok(Array.isArray(stepped.mentionsIn(uri).mentions));
    }
    assert.ok(steps >= 2 * Object.keys(FILES).length, `${steps} steps`);
    for (const uri of Object.keys(FILES)) assert.deepEqual(mentioned(stepped, uri), mentioned(atOnce, uri));
    assert.ok(mentioned(stepped, 'a').some((mention) => mention.startsWith('Harbour Helpers')), JSON.stringify(mentioned(stepped, 'a')));
    // a does not teach it: alone, it mentions only NHS England.
    assert.ok(!mentioned(setup({ a: FILES.a }).index, 'a').some((mention) => mention.startsWith('Harbour Helpers')));
  });
});
