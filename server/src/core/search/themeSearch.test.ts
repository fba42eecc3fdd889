import { strict as assert } from 'assert';
import { SearchHit, SearchableArticle, SearchableTheme, ThemeSearch } from './themeSearch';

const themes: SearchableTheme[] = [
  { id: 'theme-1', label: 'integrated care, system, board', keywords: ['integrated care', 'system', 'board', 'partnership'], articleCount: 2 },
  { id: 'theme-2', label: 'bereavement, grief, support', keywords: ['bereavement', 'grief', 'support', 'hospice'], articleCount: 1 },
  { id: 'theme-3', label: 'hate crime, victims, police', keywords: ['hate crime', 'victims', 'police'], articleCount: 1 },
];

function article(title: string, themeId: string, keywords: string[], organisations: string[] = []): SearchableArticle {
  const theme = themes.find((t) => t.id === themeId) as SearchableTheme;
  return { uri: `file:///a/${title.length}.txt`, relativePath: `${title.length}.txt`, title, line: 0, themeId, themeLabel: theme.label, keywords, organisations };
}

const articles = [
  article('Building a partnership of trust between councils and hospitals', 'theme-1', ['councils', 'hospitals', 'pooled budgets'], ['The King’s Fund']),
  article('Place-based partnerships one year on', 'theme-1', ['place', 'integrated care', 'primary care networks']),
  article('A helpline for families after a sudden death', 'theme-2', ['helpline', 'volunteers', 'grief'], ['Sue Ryder']),
  article('Why so few hate crime cases reach court', 'theme-3', ['prosecution', 'charging', 'victims']),
];

const search = new ThemeSearch(themes, articles, new Map([['KF', 'The King’s Fund']]));
const summary = (hits: SearchHit[]): string[] => hits.map((hit) => `${hit.kind}:${hit.kind === 'theme' ? hit.label : hit.title}`);

describe('ThemeSearch', () => {
  it('finds a theme by its label and ranks it above the articles about it', () => {
    const hits = search.search('integrated care');
    assert.equal(summary(hits)[0], 'theme:integrated care, system, board');
    assert.ok(hits.some((hit) => hit.kind === 'article' && hit.themeId === 'theme-1'));
    assert.ok(hits.every((hit) => (hit.kind === 'theme' ? hit.id : hit.themeId) === 'theme-1'));
  });

  it('finds articles by a word of their title', () => {
    assert.deepEqual(summary(search.search('trust')), ['article:Building a partnership of trust between councils and hospitals']);
  });

  it('matches prefixes as the user types, and forgives a typo', () => {
    assert.equal(summary(search.search('bereav'))[0], 'theme:bereavement, grief, support');
    assert.equal(summary(search.search('bereavment'))[0], 'theme:bereavement, grief, support');
    assert.ok(summary(search.search('helplin')).includes('article:A helpline for families after a sudden death'));
  });

  it('narrows with every word typed, and falls back to any word when all of them match nothing', () => {
    assert.deepEqual(summary(search.search('partnership trust')), ['article:Building a partnership of trust between councils and hospitals']);
    const either = search.search('partnership helpline');
    assert.ok(summary(either).includes('article:A helpline for families after a sudden death'));
    assert.ok(summary(either).includes('article:Building a partnership of trust between councils and hospitals'));
  });

  it('understands an organisation by its alias', () => {
    assert.deepEqual(summary(search.search('KF')), ['article:Building a partnership of trust between councils and hospitals']);
    assert.deepEqual(summary(search.search('kf')), summary(search.search('KF')));
    assert.deepEqual(summary(search.search('Sue Ryder')), ['article:A helpline for families after a sudden death']);
  });

  it('returns typed results with what the client needs to open or reveal them', () => {
    const [theme] = search.search('hate crime').filter((hit) => hit.kind === 'theme');
    assert.deepEqual(theme && { ...theme, score: 0 }, { kind: 'theme', score: 0, ...themes[2] });
    const articleHit = search.search('court').find((hit) => hit.kind === 'article');
    assert.ok(articleHit && articleHit.kind === 'article');
    assert.equal(articleHit.uri, articles[3].uri);
    assert.equal(articleHit.line, 0);
    assert.equal(articleHit.themeLabel, themes[2].label);
  });

  it('returns nothing for empty, stop-word-only or unmatched queries, and never throws on odd input', () => {
    assert.deepEqual(search.search(''), []);
    assert.deepEqual(search.search('   '), []);
    assert.deepEqual(search.search('the of and'), []);
    assert.deepEqual(search.search('zzzzqqq'), []);
    for (const odd of ['(*+?[', '\\', '\u0000\ud800', 'a'.repeat(10_000), 'KF)(']) assert.ok(Array.isArray(search.search(odd)));
  });

  it('honours the limit', () => {
    assert.equal(search.search('care', 1).length, 1);
    assert.deepEqual(search.search('care', 0), []);
  });

  it('works on an empty index', () => {
    assert.deepEqual(new ThemeSearch([], []).search('anything'), []);
  });
});
