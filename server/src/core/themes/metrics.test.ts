import { strict as assert } from 'assert';
import { agreement } from './metrics';

describe('agreement (purity, NMI)', () => {
  it('is 1 for the same partition under other names', () => {
    const { purity, nmi } = agreement(['x', 'x', 'y', 'y', 'z'], ['a', 'a', 'b', 'b', 'c']);
    assert.equal(purity, 1);
    assert.ok(Math.abs(nmi - 1) < 1e-12);
  });

  it('is 0 (NMI) for themes independent of the labels', () => {
    const { nmi, purity } = agreement(['x', 'y', 'x', 'y'], ['a', 'a', 'b', 'b']);
    assert.ok(Math.abs(nmi) < 1e-12);
    assert.equal(purity, 0.5);
  });

  it('matches a value worked by hand', () => {
    // Themes {1,2,3} {4,5,6}; labels a a b | b b b. H(T) = ln 2; H(L) = H(1/3, 2/3);
    // I = (2/6) ln(2/1) + (1/6) ln(1/2) + (3/6) ln(3/2) (terms n·c/(t·l): 6·2/(3·2), 6·1/(3·4), 6·3/(3·4)).
    const { nmi, purity } = agreement(['1', '1', '1', '2', '2', '2'], ['a', 'a', 'b', 'b', 'b', 'b']);
    const mutual = (2 / 6) * Math.log(2) + (1 / 6) * Math.log(0.5) + (3 / 6) * Math.log(1.5);
    const hLabels = -((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3));
    assert.ok(Math.abs(nmi - (2 * mutual) / (Math.log(2) + hLabels)) < 1e-12);
    assert.ok(Math.abs(purity - 5 / 6) < 1e-12);
  });
});
