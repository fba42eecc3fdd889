import { strict as assert } from 'assert';
import type { IndexStatus } from '../../server/src/protocol';
import { statusBarText, statusBarTooltip } from './statusBarText';

const status = (scanned: boolean, ready: boolean, duplicateGroups = 2): IndexStatus => ({ ready, scanned, files: 3, articles: 1, skipped: 0, duplicateGroups, generation: 1 });

describe('status bar text', () => {
  it('shows a spinner until the scan ends, then the counts, with a spinner while the other features catch up', () => {
    assert.equal(statusBarText(undefined), '$(sync~spin) Seed Curator: indexing…');
    assert.equal(statusBarText(status(false, false)), '$(sync~spin) Seed Curator: indexing…');
    assert.equal(statusBarText(status(true, false)), '$(book) 1 article  $(copy) 2 duplicates  $(sync~spin) analysing…');
    assert.equal(statusBarText(status(true, true)), '$(book) 1 article  $(copy) 2 duplicates');
    assert.equal(statusBarText(status(true, true, 0)), '$(book) 1 article');
  });

  it('says in the tooltip what is still being analysed', () => {
    assert.equal(statusBarTooltip(status(true, false, 1)), 'Seed Curator: 3 files, 1 article, 1 duplicated passage (see the Duplicates view); organisations and themes are still being analysed');
    assert.equal(statusBarTooltip(status(true, true, 1)), 'Seed Curator: 3 files, 1 article, 1 duplicated passage (see the Duplicates view)');
  });
});
