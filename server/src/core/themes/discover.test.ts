import { strict as assert } from 'assert';
import { Random } from '../random';
import { defaultThemeOptions, discoverThemes } from './discover';
import { agreement } from './metrics';
import { runAll } from '../steps';
import { TermDictionary } from './terms';

/** A made-up word of letters only, different for every (topic, index). */
function word(topic: number, index: number): string {
  const letters = 'bcdfghjklmnprtvz';
  return `${letters[topic % 16]}a${letters[index % 16]}o${letters[Math.floor(index / 16) % 16]}u${letters[Math.floor(topic / 16)]}e`;
}

/** `topics` topics of their own words, with words shared by all of them mixed in. */
function topicArticles(topics: number, perTopic: number, seed: number): { texts: string[]; labels: string[] } {
  const random = new Random(seed);
  const texts: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < topics * perTopic; i++) {
    const topic = i % topics;
    const words = Array.from({ length: 50 }, () => (random.chance(0.25) ? word(99, random.int(0, 40)) : word(topic, random.int(0, 20))));
    texts.push(words.join(' '));
    labels.push(`topic ${topic}`);
  }
  return { texts, labels };
}

describe('discoverThemes', () => {
  it('chooses as many themes as the corpus holds, well past the first candidates', () => {
    const { texts, labels } = topicArticles(16, 25, 3);
    const dictionary = new TermDictionary();
    const { model } = runAll(discoverThemes(texts.map((text) => ({ terms: dictionary.articleTerms('', text) })), dictionary));
    assert.equal(model.clustering.method, 'k-means');
    const themes = Array.from(model.assignment, (theme) => model.themes[theme].id);
    assert.equal(new Set(themes).size, 16);
    assert.ok(agreement(themes, labels).nmi > 0.95);
  });

  it('gives the same themes for the same articles', () => {
    const { texts } = topicArticles(6, 40, 4);
    const run = () => {
      const dictionary = new TermDictionary();
      const { model } = runAll(discoverThemes(texts.map((text) => ({ terms: dictionary.articleTerms('', text) })), dictionary, defaultThemeOptions));
      return { assignment: [...model.assignment], labels: model.themes.map((theme) => theme.label) };
    };
    assert.deepEqual(run(), run());
  });
});
