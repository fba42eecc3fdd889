import { strict as assert } from 'assert';
import { FileMentions, MentionNumbers, Numbering } from './mentions';
import { Tallies } from './tallies';

const numbering = (): MentionNumbers => ({ ids: new Numbering(), spellings: new Numbering() });

/** One article naming `count` organisations, organisation n named n + 1 times. */
function articleNaming(count: number, numbers: MentionNumbers): FileMentions {
  const mentions = [];
  for (let n = 0; n < count; n++) {
    for (let time = 0; time <= n; time++) mentions.push({ id: `organisation-${n}`, start: mentions.length * 4, end: mentions.length * 4 + 3, article: 0 });
  }
  return FileMentions.of(mentions, 'Org '.repeat(mentions.length), numbers);
}

describe('organisation tallies', () => {
  it('counts every organisation of an ordinary article as mentioned with every other', () => {
    const tallies = new Tallies();
    tallies.apply('a.txt', articleNaming(12, numbering()), [], 1);
    for (let n = 0; n < 12; n++) {
      const related = tallies.get(`organisation-${n}`)!.related;
      assert.equal(related.size, 11);
      assert.ok(![...related.values()].some((articles) => articles !== 1));
    }
  });

  it('counts only the 50 most mentioned of an article naming hundreds as mentioned together', () => {
    const tallies = new Tallies();
    const mentions = articleNaming(300, numbering());
    tallies.apply('a.txt', mentions, [], 1);
    const mostMentioned = tallies.get('organisation-299')!;
    assert.equal(mostMentioned.mentions, 300);
    assert.equal(mostMentioned.related.size, 49);
    assert.ok(mostMentioned.related.has('organisation-250') && !mostMentioned.related.has('organisation-249'));
    assert.equal(tallies.get('organisation-0')!.related.size, 0);
    // Taking the file away takes away exactly what it added.
    tallies.apply('a.txt', mentions, [], -1);
    for (let n = 0; n < 300; n++) assert.equal(tallies.get(`organisation-${n}`), undefined);
  });

  it('saves its tallies in groups that later files do not change, and takes them back whole', () => {
    const tallies = new Tallies();
    const numbers = numbering();
    const many = articleNaming(300, numbers);
    tallies.apply('a.txt', many, [{ id: 'organisation-1', person: 'Anna Charles' }], 1);
    // Tens of thousands of counts: copied in more than one group.
    for (let file = 0; file < 10_000; file++) tallies.apply(`small ${file}.txt`, articleNaming(3, numbers), [], 1);
    const groups = [...tallies.saved()];
    assert.ok(groups.length > 1);
    const restored = new Tallies();
    restored.restore(groups);
    // Saved again before any is read, the groups are given back as they came, each organisation
    // once even when one of them is read while saving (the caller pauses between groups).
    assert.deepEqual([...restored.saved()], groups);
    assert.equal([...restored.saved()][0], groups[0]);
    const saving = restored.saved();
    const first = saving.next().value!;
    restored.get(groups[1].ids[0]);
    const savedIds = [...first.ids, ...[...saving].flatMap((group) => group.ids)];
    assert.equal(new Set(savedIds).size, savedIds.length);
    assert.deepEqual(new Set(savedIds), new Set(groups.flatMap((group) => group.ids)));
    const ids = Array.from({ length: 300 }, (_, n) => `organisation-${n}`);
    assert.deepEqual(ids.map((id) => restored.get(id)), ids.map((id) => tallies.get(id)));
    tallies.apply('b.txt', articleNaming(3, numbers), [], 1);
    assert.equal(restored.get('organisation-0')!.mentions, 10_001);
    assert.equal(restored.get('organisation-0')!.articles.size, 10_001);
    // Taking away what a file added works on restored tallies as on the original.
    restored.apply('a.txt', many, [{ id: 'organisation-1', person: 'Anna Charles' }], -1);
    assert.deepEqual(ids.slice(3).map((id) => restored.get(id)), ids.slice(3).map(() => undefined));
    assert.equal(restored.get('organisation-1')!.people.size, 0);
  });
});
