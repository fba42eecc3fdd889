import { strict as assert } from 'assert';
import { checksum32 } from './checksum';

describe('checksum32', () => {
  it('gives the FNV-1a hash of the key and the bytes', () => {
    // Published FNV-1a (32-bit) values: "" and "a" and "foobar".
    assert.equal(checksum32('', new Uint8Array()), 0x811c9dc5);
    assert.equal(checksum32('a', new Uint8Array()), 0xe40c292c);
    assert.equal(checksum32('foo', Buffer.from('bar')), 0xbf9cf968);
  });

  it('changes with any byte changed, and with the key', () => {
    const bytes = Buffer.from('The council met on Tuesday to discuss parking charges.');
    const sum = checksum32('key', bytes);
    for (let i = 0; i < bytes.length; i++) {
      const damaged = Buffer.from(bytes);
      damaged[i] ^= 0x10;
      assert.notEqual(checksum32('key', damaged), sum, `byte ${i}`);
    }
    assert.notEqual(checksum32('kez', bytes), sum);
  });
});
