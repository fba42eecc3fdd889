/**
 * The organisations gold set (bench/gold/organisations: short articles written for it, and
 * annotations.json with every mention's offsets and canonical id) and its scoring:
 *   - mentions: a predicted mention counts when its span is exactly a gold mention's;
 *   - entities: per article, the distinct organisations; a predicted organisation matches a
 *     gold one when its id is the gold id or the id made from one of the gold mentions'
 *     texts; a second prediction for an organisation already matched (an alias that was
 *     not merged) is a false positive;
 *   - acronyms: gold definitions "Long Form (LF)" are found in the annotations; the short
 *     form is resolved when its predicted id matches the long form's organisation.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { organisationId } from '../server/src/core/organisations/names';

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  id: string;
}

export interface GoldArticle {
  name: string;
  text: string;
  mentions: GoldMention[];
}

/** A system's output for one article: spans and the id it gives each (text-made ids for systems without ids). */
export type Prediction = { start: number; end: number; id: string }[];

export interface Score {
  truePositives: number;
  predicted: number;
  gold: number;
}

export function loadGold(): GoldArticle[] {
  const folder = [path.join(__dirname, 'gold/organisations'), path.join(__dirname, '../bench/gold/organisations')].find(existsSync);
  if (!folder) throw new Error('bench/gold/organisations not found');
  const annotations = JSON.parse(readFileSync(path.join(folder, 'annotations.json'), 'utf8')) as { files: Record<string, GoldMention[]> };
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const mentions = annotations.files[name] ?? [];
      for (const mention of mentions) {
        if (text.slice(mention.start, mention.end) !== mention.text) throw new Error(`${name}: annotation "${mention.text}" is not at ${mention.start}`);
      }
      return { name, text, mentions };
    });
}

export function mentionScore(gold: GoldArticle[], predictions: Prediction[], withIds: boolean): Score {
  const score: Score = { truePositives: 0, predicted: 0, gold: 0 };
  gold.forEach((article, index) => {
    const spans = new Map(article.mentions.map((mention) => [`${mention.start}:${mention.end}`, mention]));
    score.gold += article.mentions.length;
    score.predicted += predictions[index].length;
    for (const predicted of predictions[index]) {
      const match = spans.get(`${predicted.start}:${predicted.end}`);
      if (match && (!withIds || matchesEntity(predicted.id, match.id, article))) score.truePositives++;
    }
  });
  return score;
}

export function entityScore(gold: GoldArticle[], predictions: Prediction[]): Score {
  const score: Score = { truePositives: 0, predicted: 0, gold: 0 };
  gold.forEach((article, index) => {
    const goldIds = new Set(article.mentions.map((mention) => mention.id));
    const predictedIds = new Set(predictions[index].map((prediction) => prediction.id));
    score.gold += goldIds.size;
    score.predicted += predictedIds.size;
    const matched = new Set<string>();
    for (const id of predictedIds) {
      const entity = [...goldIds].find((goldId) => !matched.has(goldId) && matchesEntity(id, goldId, article));
      if (entity) {
        matched.add(entity);
        score.truePositives++;
      }
    }
  });
  return score;
}

/** Gold "LF (SF)" and "SF (LF)" pairs, and how many short forms were given the long form's organisation. */
export function acronymScore(gold: GoldArticle[], predictions: Prediction[]): { definitions: number; resolved: number; mentions: number; mentionsResolved: number } {
  let definitions = 0;
  let resolved = 0;
  let mentions = 0;
  let mentionsResolved = 0;
  gold.forEach((article, index) => {
    const byStart = new Map(predictions[index].map((prediction) => [prediction.start, prediction]));
    const isResolved = (mention: GoldMention): boolean => {
      const predicted = byStart.get(mention.start);
      return predicted !== undefined && predicted.end === mention.end && predicted.id === mention.id;
    };
    article.mentions.forEach((mention, i) => {
      const next = article.mentions[i + 1];
      if (next && next.id === mention.id && article.text.slice(mention.end, next.start) === ' (' && article.text[next.end] === ')') {
        definitions++;
        const short = /^\p{Lu}[\p{Lu}\p{N}&/-]+$/u.test(next.text) ? next : mention;
        if (isResolved(short)) resolved++;
      }
      if (/^\p{Lu}[\p{Lu}\p{N}&/-]+$/u.test(mention.text)) {
        mentions++;
        if (isResolved(mention)) mentionsResolved++;
      }
    });
  });
  return { definitions, resolved, mentions, mentionsResolved };
}

function matchesEntity(predictedId: string, goldId: string, article: GoldArticle): boolean {
  if (predictedId === goldId) return true;
  return article.mentions.some((mention) => mention.id === goldId && organisationId(mention.text) === predictedId);
}

export function f1(score: Score): { precision: number; recall: number; f1: number } {
  const precision = score.predicted === 0 ? 0 : score.truePositives / score.predicted;
  const recall = score.gold === 0 ? 0 : score.truePositives / score.gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
