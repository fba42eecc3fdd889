import { strict as assert } from 'assert';
import { FileMentions, MentionNumbers, Numbering, mentionTranslation } from './mentions';

const numbering = (): MentionNumbers => ({ ids: new Numbering(), spellings: new Numbering() });

describe('mentions kept as numbers', () => {
  const mentions = [
    { id: 'nhs-england', start: 4, end: 15, article: 0 },
    { id: 'kings-fund', start: 30, end: 41, article: 0 },
    { id: 'nhs-england', start: 90, end: 101, article: -1 },
  ];

  /** The text the mentions were found in: each name at its place, dots between. */
  const text = (() => {
    const chars = Array.from({ length: 110 }, () => '.');
    const put = (at: number, name: string): void => {
      chars.splice(at, name.length, ...name);
    };
    put(4, 'NHS England');
    put(30, 'King’s\nFund');
    put(90, 'NHS England');
    return chars.join('');
  })();

  it('gives back the mentions they were made from, one by one or by organisation', () => {
    const numbers = numbering();
    const kept = FileMentions.of(mentions, text, numbers);
    assert.equal(kept.length, 3);
    assert.deepEqual(kept.all(), mentions);
    assert.deepEqual(kept.of('nhs-england'), [mentions[0], mentions[2]]);
    assert.deepEqual(kept.of('never-mentioned'), []);
    // Another file numbers the same ids alike and new ones after them.
    const other = FileMentions.of([{ id: 'mind', start: 0, end: 4, article: 2 }, mentions[1]], text, numbers);
    assert.deepEqual(other.all(), [{ id: 'mind', start: 0, end: 4, article: 2 }, mentions[1]]);
    assert.equal(FileMentions.of([], text, numbers).length, 0);
  });

  it('finds a large file’s mentions by organisation and by article as a scan would', () => {
    // More mentions than a file scans for each question (see SCANNED_MENTIONS): grouped once instead.
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `organisation-${(i * 7) % 30}`, start: i * 10, end: i * 10 + 5, article: Math.floor(i / 40) - 1 }));
    const kept = FileMentions.of(many, 'x'.repeat(10_000), numbering());
    for (let n = 0; n < 31; n++) {
      assert.deepEqual(kept.of(`organisation-${n}`), many.filter((mention) => mention.id === `organisation-${n}`));
    }
    for (let article = -1; article < 26; article++) {
      assert.deepEqual(kept.ids(article), [...new Set(many.filter((mention) => mention.article === article).map((mention) => mention.id))]);
    }
    assert.deepEqual(kept.ids(), [...new Set(many.map((mention) => mention.id))]);
    const few = many.slice(0, 100);
    assert.deepEqual(FileMentions.of(few, 'x'.repeat(10_000), numbering()).ids(), [...new Set(few.map((mention) => mention.id))]);
    assert.deepEqual(kept.of('never-mentioned'), []);
  });

  it('finds the mention under an offset, its end included', () => {
    const kept = FileMentions.of(mentions, text, numbering());
    assert.equal(kept.indexAt(3), -1);
    assert.equal(kept.indexAt(4), 0);
    assert.equal(kept.indexAt(15), 0);
    assert.equal(kept.indexAt(16), -1);
    assert.equal(kept.indexAt(35), 1);
    assert.equal(kept.indexAt(101), 2);
    assert.equal(kept.indexAt(500), -1);
    assert.equal(FileMentions.of([], text, numbering()).indexAt(0), -1);
  });

  it('keeps each mention as written, on one line with straight apostrophes', () => {
    const kept = FileMentions.of(mentions, text, numbering());
    assert.deepEqual([0, 1, 2].map((i) => kept.written(i)), ['NHS England', "King's Fund", 'NHS England']);
  });

  it('gives the same mentions back through another numbering', () => {
    const first = numbering();
    const kept = FileMentions.of(mentions, text, first);
    const second = numbering();
    second.ids.numberOf('mind');
    second.spellings.numberOf('Mind');
    const translation = mentionTranslation({ ids: first.ids.all(), spellings: first.spellings.all() }, second);
    const moved = FileMentions.renumbered(kept.numbered(), translation, second);
    assert.deepEqual(moved.all(), mentions);
    // The translation is kept for every file of a memory: a second file goes through it too.
    assert.deepEqual(FileMentions.renumbered(kept.numbered(), translation, second).all(), mentions);
    assert.deepEqual([0, 1, 2].map((i) => moved.written(i)), ['NHS England', "King's Fund", 'NHS England']);
    assert.equal(second.ids.existingNumberOf('nhs-england'), 1);
    assert.notEqual(moved.numbered(), kept.numbered());
  });

  it('takes in the numbers of a memory as they are when its own are where the memory starts', () => {
    const first = numbering();
    const kept = FileMentions.of(mentions, text, first);
    const fresh = numbering();
    const translation = mentionTranslation({ ids: first.ids.all(), spellings: first.spellings.all() }, fresh);
    assert.equal(translation.identity, true);
    const taken = FileMentions.renumbered(kept.numbered(), translation, fresh);
    assert.equal(taken.numbered(), kept.numbered());
    assert.deepEqual(taken.all(), mentions);
    assert.deepEqual([0, 1, 2].map((i) => taken.written(i)), ['NHS England', "King's Fund", 'NHS England']);
    assert.equal(fresh.ids.numberOf('mind'), 2);
  });
});

describe('Numbering.adopt', () => {
  it('numbers the rest of a table that starts with its own strings, in order', () => {
    const numbers = new Numbering();
    numbers.numberOf('a');
    assert.equal(numbers.adopt(['a', 'b', 'c']), true);
    assert.deepEqual(numbers.all(), ['a', 'b', 'c']);
  });

  it('does not take a table that does not start with its strings, or that has a string twice', () => {
    const numbers = new Numbering();
    numbers.numberOf('b');
    assert.equal(numbers.adopt(['a', 'b']), false);
    assert.deepEqual(numbers.all(), ['b']);
    assert.equal(new Numbering().adopt(['a', 'a']), false);
  });
});
