import { strict as assert } from 'assert';
import { SearchHit, SearchableArticle, SearchableTheme, ThemeSearch, allowedEdits } from './themeSearch';

const themes: SearchableTheme[] = [
  { id: 'theme-1', label: 'integrated care, system, board', keywords: ['integrated care', 'system', 'board', 'partnership'], articleCount: 2 },
  { id: 'theme-2', label: 'bereavement, grief, support', keywords: ['bereavement', 'grief', 'support', 'hospice'], articleCount: 1 },
  { id: 'theme-3', label: 'hate crime, victims, police', keywords: ['hate crime', 'victims', 'police'], articleCount: 1 },
];

function article(title: string, themeId: string, keywords: string[], organisations: string[] = []): SearchableArticle {
  return { uri: `file:///a/${title.length}.txt`, relativePath: `${title.length}.txt`, title, line: 0, themeId, keywords, organisations };
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

  it('forgives more typos in longer words, none in short ones', () => {
    assert.deepEqual([1, 4, 5, 6, 8, 9, 20].map(allowedEdits), [0, 0, 0, 1, 1, 2, 2]);
    const small = new ThemeSearch(
      [],
      [
        article('Flooding in the lower valley', 'theme-1', ['river', 'flooding']),
        article('Food banks open on Sundays', 'theme-1', ['food', 'volunteers']),
        article('Hospice nurses honoured', 'theme-2', ['hospice', 'nurses']),
      ],
    );
    const titles = (query: string): string[] => small.search(query).map((hit) => (hit.kind === 'article' ? hit.title : hit.label));
    assert.deepEqual(titles('flood'), ['Flooding in the lower valley'], 'a prefix, never "food"');
    assert.deepEqual(titles('fod'), [], 'a short word matches as typed');
    assert.deepEqual(titles('hospce'), ['Hospice nurses honoured'], 'one typo in six letters');
    assert.deepEqual(titles('hsopce'), [], 'two typos in six letters');
    assert.deepEqual(titles('volunters'), ['Food banks open on Sundays'], 'one typo in nine letters');
    assert.deepEqual(titles('vollunteer'), ['Food banks open on Sundays'], 'two typos in ten letters');
    assert.deepEqual(titles('vollunter'), [], 'three typos');
  });

  it('takes only the last word as a prefix: the words before it are finished', () => {
    const small = new ThemeSearch(
      [],
      [article('Flooding in the lower valley', 'theme-1', ['river']), article('Flood warnings for the valley', 'theme-1', ['rain'])],
    );
    const titles = (query: string): string[] => small.search(query).map((hit) => (hit.kind === 'article' ? hit.title : hit.label)).sort();
    assert.deepEqual(titles('flood valley'), ['Flood warnings for the valley']);
    assert.deepEqual(titles('valley flood'), ['Flood warnings for the valley', 'Flooding in the lower valley']);
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

  it('replaces one file’s articles and the themes in place', () => {
    const live = new ThemeSearch(themes, articles);
    const hospital = article('Hospital discharge delays', 'theme-1', ['discharge']);
    live.setFileArticles(articles[0].uri, [hospital]);
    assert.deepEqual(summary(live.search('trust')), [], 'the file’s old article is gone');
    assert.deepEqual(summary(live.search('discharge')), ['article:Hospital discharge delays']);
    live.setThemes([{ ...themes[0], label: 'joined-up care' }]);
    assert.deepEqual(summary(live.search('bereavement')), [], 'a theme no longer listed');
    const [moved] = live.search('discharge');
    assert.equal(moved.kind === 'article' && moved.themeLabel, 'joined-up care');
    live.setFileArticles(articles[0].uri, []);
    assert.deepEqual(summary(live.search('discharge')), []);
  });

  it('works on an empty index', () => {
    assert.deepEqual(new ThemeSearch([], []).search('anything'), []);
  });
});
