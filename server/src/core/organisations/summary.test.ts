import { strict as assert } from 'assert';
import { Corpus } from '../corpus';
import { OrganisationIndex } from './index';
import { OrganisationSummaries } from './summary';
import { runAll } from '../steps';

const LONG_TAIL = 'The plan drew on a year of interviews with staff, patients and carers across the region, and the authors thanked everyone who took part.';

describe('organisation summaries', () => {
  it('counts mentions and articles, ranks articles, related organisations and people', () => {
    const corpus = new Corpus();
    const index = new OrganisationIndex().attach(corpus);
    const first = `Trust and speed\n\nAnna Charles writing at the King’s Fund: NHS England and the King’s Fund met. The King's Fund said so. ${LONG_TAIL}\n`;
    const second = `Ward visits\n\nChris Ham writing at The King’s Fund: the Care Quality Commission visited. NHS England agreed. ${LONG_TAIL}\n`;
    corpus.apply([
      { uri: 'a', relativePath: 'a.txt', text: first },
      { uri: 'b', relativePath: 'b.txt', text: second },
      { uri: 'c', relativePath: 'c.txt', text: first },
    ]);
    const summaries = new OrganisationSummaries(index);
    const summary = summaries.summary('kings-fund')!;
    assert.equal(summary.organisation.name, "The King's Fund");
    assert.equal(summary.mentions, 7);
    assert.equal(summary.articles, 3);
    assert.deepEqual(summary.topArticles.map((article) => [article.relativePath, article.title, article.mentions]), [
      ['a.txt', 'Trust and speed', 3],
      ['b.txt', 'Ward visits', 1],
    ]);
    assert.deepEqual(summary.related, [
      { id: 'nhs-england', name: 'NHS England', articles: 3 },
      { id: 'care-quality-commission', name: 'Care Quality Commission', articles: 1 },
    ]);
    assert.deepEqual(summary.people, [{ name: 'Anna Charles', count: 2 }, { name: 'Chris Ham', count: 1 }]);
    assert.deepEqual(summary.spellings, ["King's Fund"]);
    assert.equal(summaries.summary('kings-fund'), summary, 'kept until the index changes');
    const unrelated = summaries.summary('care-quality-commission');
    corpus.apply([], ['c']);
    assert.equal(summaries.summary('kings-fund')!.mentions, 4);
    assert.equal(summaries.summary('care-quality-commission'), unrelated, 'an organisation the removed file did not mention keeps its summary');
    assert.ok(summaries.stale().includes('nhs-england'), 'never computed');
    for (const id of summaries.stale()) summaries.summary(id);
    assert.deepEqual(summaries.stale(), []);
    corpus.apply([{ uri: 'c', relativePath: 'c.txt', text: first }]);
    assert.deepEqual(summaries.stale().sort(), ['kings-fund', 'nhs-england']);
    assert.equal(summaries.summary('no-such-organisation'), undefined);
  });

  it('warms every stale summary, in rounds until no update came meanwhile', () => {
    const corpus = new Corpus();
    const index = new OrganisationIndex().attach(corpus);
    const text = (who: string) => `Notes\n\nA report by ${who} came out. ${LONG_TAIL}\n`;
    corpus.apply([{ uri: 'a', relativePath: 'a.txt', text: text('NHS England') }]);
    const summaries = new OrganisationSummaries(index);
    const steps = summaries.warmingSteps();
    steps.next();
    // An update between two steps: the organisation it brings is stale after the first round.
    corpus.apply([{ uri: 'b', relativePath: 'b.txt', text: text('the Care Quality Commission') }]);
    assert.ok(summaries.stale().includes('care-quality-commission'));
    runAll(steps);
    assert.deepEqual(summaries.stale(), []);
    assert.equal(summaries.summary('care-quality-commission')!.mentions, 1);
  });

  it('reads a file a step while it warms a summary, and an update in between makes it stale', () => {
    const corpus = new Corpus();
    const index = new OrganisationIndex().attach(corpus);
    const file = (n: number) => ({ uri: `f${n}`, relativePath: `f${n}.txt`, text: `Notes ${n}\n\nA report by NHS England came out. ${LONG_TAIL}\n` });
    corpus.apply([1, 2, 3].map(file));
    const steps = new OrganisationSummaries(index).warmingSteps();
    let count = 0;
    while (!steps.next().done) count++;
    // A step before each summary, and one for each file it names.
    assert.equal(count, 1 + 3);

    const summaries = new OrganisationSummaries(index);
    const warming = summaries.warmingSteps();
    warming.next();
    warming.next();
    // Between two files of the summary: a fourth file that mentions it.
    corpus.apply([file(4)]);
    runAll(warming);
    assert.deepEqual(summaries.stale(), []);
    assert.equal(summaries.summary('nhs-england')!.mentions, 4);
    assert.equal(summaries.summary('nhs-england')!.topArticles.length, 4);
  });
});
