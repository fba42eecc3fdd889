import { strict as assert } from 'assert';
import type { Discovery } from './discover';
import { Numbering } from './mentions';
import { packDiscovery, packTies, tiesWhenRead, unpackDiscovery, unpackTies } from './packedFindings';

const DISCOVERY: Discovery = {
  names: [
    { name: 'Fenwick Rural Health Institute', key: 'fenwick rural health institute', id: 'fenwick-rural-health-institute', evidence: 'acronym', span: { start: 24, end: 54 }, sentence: { start: 0, end: 62 } },
    { name: 'Pillar Wellbeing', key: 'pillar wellbeing', id: 'pillar-wellbeing', evidence: 'kind', span: { start: 75, end: 91 }, sentence: { start: 63, end: 113 } },
  ],
  acronyms: [
    { short: 'FRHI', id: 'fenwick-rural-health-institute', longKey: 'fenwick rural health institute', long: 'Fenwick Rural Health Institute', span: { start: 56, end: 60 }, sentence: { start: 0, end: 62 } },
  ],
};

/** A discovery as plain objects: an unpacked one makes its spans when they are read. */
const plain = ({ names, acronyms }: Discovery): Discovery => ({
  names: names.map(({ name, key, id, evidence, span, sentence }) => ({ name, key, id, evidence, span, sentence })),
  acronyms: acronyms.map(({ short, id, longKey, long, span, sentence }) => ({ short, id, longKey, long, span, sentence })),
});

describe('findings packed for the recognition memory', () => {
  it('gives back the names and acronyms a file taught, in order, each string kept once', () => {
    const texts = new Numbering();
    const packed = packDiscovery(DISCOVERY, texts);
    const unpacked = unpackDiscovery(packed, texts.all());
    assert.deepEqual(plain(unpacked), DISCOVERY);
    // The acronym's id and long form are the name's, numbered once.
    assert.equal(texts.all().filter((text) => text === 'Fenwick Rural Health Institute').length, 1);
    assert.deepEqual(plain(unpackDiscovery(packDiscovery({ names: [], acronyms: DISCOVERY.acronyms }, texts), texts.all())), { names: [], acronyms: DISCOVERY.acronyms });
    assert.deepEqual(plain(unpackDiscovery(packDiscovery({ names: DISCOVERY.names, acronyms: [] }, texts), texts.all())), { names: DISCOVERY.names, acronyms: [] });
  });

  it('gives back the people tied to organisations, in order', () => {
    const texts = new Numbering();
    const ties = [
      { id: 'kings-fund', person: 'Anna Charles' },
      { id: 'nhs-england', person: 'Anna Charles' },
    ];
    assert.deepEqual(unpackTies(packTies(ties, texts), texts.all()), ties);
    assert.deepEqual(unpackTies(packTies([], texts), texts.all()), []);
    assert.equal(texts.all().length, 3);
  });

  it('unpacks ties when first read, and gives the same ties after', () => {
    const texts = new Numbering();
    const ties = [{ id: 'kings-fund', person: 'Anna Charles' }];
    const read = tiesWhenRead(packTies(ties, texts), texts.all());
    assert.deepEqual(read(), ties);
    assert.equal(read(), read());
  });
});
