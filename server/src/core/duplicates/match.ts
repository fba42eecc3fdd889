/**
 * From seed matches between two token sequences to duplicated spans.
 *
 * 1. Verify: a seed is a pair of positions whose k-gram hashes are equal; the words are
 *    compared, so a hash collision never becomes a match.
 * 2. Extend: each verified seed grows backwards and forwards to its maximal exact run.
 *    Seeds already inside a run on the same diagonal are skipped.
 * 3. Chain: runs that follow each other in both sequences, separated by at most `maxGap`
 *    words on each side (a few edited, added or removed words), form one near-duplicate
 *    span, as in seed-and-extend aligners (BLAST, MUMmer).
 *    Short exact runs just past either end, where winnowing selected no seed, are then
 *    looked for directly, and the ends pushed past substituted words (X-drop extension).
 * 4. Score: similarity = 2·matched / (length in a + length in b), where matched counts
 *    the words of the runs plus the longest common subsequence of each gap.
 */

export interface MatchOptions {
  /** Words per k-gram of the seeds. */
  kgram: number;
  /** K-grams per winnowing window: every shared run of `window + kgram - 1` words holds a seed. */
  window: number;
  /** Spans with fewer matched words are dropped. */
  minWords: number;
  /** Spans less similar than this (0..1) are dropped. */
  minSimilarity: number;
  /** Largest number of unmatched words between two runs of one span, on either side. */
  maxGap: number;
}

/** A duplicated span between sequence a and sequence b, in token indices (end exclusive). */
export interface Span {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  matched: number;
  similarity: number;
}

interface Run {
  start: number;
  end: number;
  /** Position in b minus position in a. */
  diagonal: number;
}

/**
 * `seeds` holds pairs [p0, q0, p1, q1, ...] of positions in a and b with equal k-gram
 * hashes. When a and b are the same sequence (`a === b`), p < q and the two sides of a
 * span never overlap.
 */
export function matchSequences(a: Uint32Array, b: Uint32Array, seeds: number[], options: MatchOptions): Span[] {
  const runs = extendSeeds(a, b, seeds, options.kgram);
  const spans: Span[] = [];
  const chains = chainRuns(runs, options.maxGap, a === b);
  const edges: EdgeBudget = { shortRuns: MIN_SHORT_EDGE_RUNS + SHORT_EDGE_RUNS_PER_CHAIN * chains.length, seededRun: options.window + options.kgram - 1 };
  for (const chain of chains) {
    growEdges(a, b, chain, options.maxGap, edges, a === b);
    const span = scoreChain(a, b, chain, a === b);
    if (span.matched < options.minWords || span.similarity < options.minSimilarity) continue;
    if (a === b && span.aEnd > span.bStart) continue;
    spans.push(span);
  }
  return spans;
}

function extendSeeds(a: Uint32Array, b: Uint32Array, seeds: number[], kgram: number): Run[] {
  const order = Array.from({ length: seeds.length / 2 }, (_, i) => i * 2);
  order.sort((x, y) => seeds[x] - seeds[y] || seeds[x + 1] - seeds[y + 1]);
  const coveredUntil = new Map<number, number>();
  const runs: Run[] = [];
  const sameSequence = a === b;
  for (const at of order) {
    const p = seeds[at];
    const diagonal = seeds[at + 1] - p;
    const covered = coveredUntil.get(diagonal) ?? 0;
    if (covered > p) continue;
    if (!equalWords(a, b, p, diagonal, kgram)) continue;
    // Never back into an earlier run of the same diagonal: periodic text would be re-read.
    let start = p;
    while (start > covered && start + diagonal > 0 && a[start - 1] === b[start - 1 + diagonal]) start--;
    let end = p + kgram;
    while (end < a.length && end + diagonal < b.length && a[end] === b[end + diagonal]) end++;
    // Within one text, a periodic passage matches itself shifted: keep the two sides apart.
    if (sameSequence && end - start > diagonal) end = start + diagonal;
    coveredUntil.set(diagonal, end);
    if (end - start >= kgram) runs.push({ start, end, diagonal });
  }
  return runs;
}

function equalWords(a: Uint32Array, b: Uint32Array, p: number, diagonal: number, count: number): boolean {
  if (p + count > a.length || p + diagonal + count > b.length || p + diagonal < 0) return false;
  for (let i = p; i < p + count; i++) if (a[i] !== b[i + diagonal]) return false;
  return true;
}

/**
 * Greedy chaining of runs sorted by their start in a; each run joins the closest open
 * chain. Within one sequence, a chain never grows into its own other side.
 */
function chainRuns(runs: Run[], maxGap: number, sameSequence: boolean): Run[][] {
  runs.sort((x, y) => x.start - y.start || x.diagonal - y.diagonal);
  const closed: Run[][] = [];
  let open: Run[][] = [];
  for (const run of runs) {
    const stillOpen: Run[][] = [];
    for (const chain of open) {
      if (chain[chain.length - 1].end + maxGap < run.start) closed.push(chain);
      else stillOpen.push(chain);
    }
    open = stillOpen;
    let best: { chain: Run[]; gap: number; trimmed: Run } | undefined;
    for (const chain of open) {
      const last = chain[chain.length - 1];
      const gapA = run.start - last.end;
      const gapB = run.start + run.diagonal - (last.end + last.diagonal);
      // Runs may overlap by a word or two at an edit; the later one gives way.
      const trim = Math.max(0, -gapA, -gapB);
      if (gapA + trim > maxGap || gapB + trim > maxGap || run.end - run.start - trim <= 0) continue;
      if (sameSequence && run.end > chain[0].start + chain[0].diagonal) continue;
      const gap = Math.max(gapA, gapB) + trim;
      if (!best || gap < best.gap) best = { chain, gap, trimmed: { ...run, start: run.start + trim } };
    }
    if (best) best.chain.push(best.trimmed);
    else open.push([run]);
  }
  return closed.concat(open);
}

/** What growEdges may still take for one pair (see MIN_SHORT_EDGE_RUNS). */
interface EdgeBudget {
  shortRuns: number;
  /** Runs shorter than this may hold no seed: `window + kgram - 1` words. */
  seededRun: number;
}

/** Shortest exact run looked for just past a chain's ends, where no seed was selected. */
const MIN_EDGE_RUN = 3;
/**
 * How many short runs (too short to be sure of a seed) the ends of one pair's chains may
 * take in all: a few for each chain, and never fewer than the minimum. A copy goes on past
 * its seeded runs through a few short runs between edits (up to 16 at one end on the
 * benchmark's planted copies), or through long ones where its fingerprints were too common
 * to seed. In text built from a few words over and over (a template filled in thousands of
 * times), short runs are found past any end, and each of thousands of chains grew to the
 * end of the file: a 2 MB file took minutes.
 */
const MIN_SHORT_EDGE_RUNS = 64;
const SHORT_EDGE_RUNS_PER_CHAIN = 4;

/**
 * Winnowing seeds every shared run of `window + kgram - 1` words, but a shorter run after
 * an edit near the start or end of a passage may carry no seed. Such runs are searched
 * directly within `maxGap` words past each end and added while each is longer than the
 * gap it bridges (so a chance three-word match far away is not taken).
 */
function growEdges(a: Uint32Array, b: Uint32Array, chain: Run[], maxGap: number, edges: EdgeBudget, sameSequence: boolean): void {
  while (edges.shortRuns > 0) {
    const last = chain[chain.length - 1];
    const aFrom = last.end;
    const bFrom = last.end + last.diagonal;
    const aLimit = sameSequence ? chain[0].start + chain[0].diagonal : a.length;
    let best: Run | undefined;
    let bestGap = maxGap + 1;
    // Scanned nearest first along a; a later find must bridge a smaller gap to replace it.
    for (let i = aFrom; i - aFrom < bestGap && i + MIN_EDGE_RUN <= aLimit; i++) {
      const word = a[i];
      for (let j = bFrom; j - bFrom < bestGap && j + MIN_EDGE_RUN <= b.length; j++) {
        if (b[j] !== word || !equalWords(a, b, i, j - i, MIN_EDGE_RUN)) continue;
        const gap = Math.max(i - aFrom, j - bFrom);
        if (gap >= bestGap) continue;
        let end = i + MIN_EDGE_RUN;
        while (end < aLimit && end + j - i < b.length && a[end] === b[end + j - i]) end++;
        if (end - i > gap) [best, bestGap] = [{ start: i, end, diagonal: j - i }, gap];
      }
    }
    if (!best) break;
    chain.push(best);
    if (best.end - best.start < edges.seededRun) edges.shortRuns--;
  }
  while (edges.shortRuns > 0) {
    const first = chain[0];
    const aTo = first.start;
    const bTo = first.start + first.diagonal;
    const bLimit = sameSequence ? chain[chain.length - 1].end : 0;
    let best: Run | undefined;
    let bestGap = maxGap + 1;
    for (let i = aTo; aTo - i < bestGap && i - MIN_EDGE_RUN >= 0; i--) {
      const word = a[i - 1];
      for (let j = bTo; bTo - j < bestGap && j - MIN_EDGE_RUN >= bLimit; j--) {
        if (b[j - 1] !== word || !equalWords(a, b, i - MIN_EDGE_RUN, j - i, MIN_EDGE_RUN)) continue;
        const gap = Math.max(aTo - i, bTo - j);
        if (gap >= bestGap) continue;
        let start = i - MIN_EDGE_RUN;
        while (start > 0 && start + j - i > bLimit && a[start - 1] === b[start - 1 + j - i]) start--;
        if (i - start > gap) [best, bestGap] = [{ start, end: i, diagonal: j - i }, gap];
      }
    }
    if (!best) break;
    chain.unshift(best);
    if (best.end - best.start < edges.seededRun) edges.shortRuns--;
  }
}

function scoreChain(a: Uint32Array, b: Uint32Array, chain: Run[], sameSequence: boolean): Span {
  const first = chain[0];
  const last = chain[chain.length - 1];
  let matched = 0;
  chain.forEach((run, i) => {
    matched += run.end - run.start;
    const previous = chain[i - 1];
    if (previous) {
      matched += commonSubsequence(a, previous.end, run.start, b, previous.end + previous.diagonal, run.start + run.diagonal);
    }
  });
  // Within one sequence the a side may not reach the b side, and the b side may not reach back.
  const before = extendEdge(a, b, first.start - 1, first.diagonal, -1, sameSequence ? last.end : 0);
  const after = extendEdge(a, b, last.end, last.diagonal, 1, sameSequence ? first.start + first.diagonal : a.length);
  const span: Span = {
    aStart: first.start - before.words,
    aEnd: last.end + after.words,
    bStart: first.start + first.diagonal - before.words,
    bEnd: last.end + last.diagonal + after.words,
    matched: matched + before.matched + after.matched,
    similarity: 0,
  };
  span.similarity = (2 * span.matched) / (span.aEnd - span.aStart + span.bEnd - span.bStart);
  return span;
}

const EDGE_MATCH = 1;
const EDGE_MISMATCH = -2;
/** How far the edge score may fall below its best before the extension stops (BLAST's X-drop). */
const EDGE_X_DROP = 5;

/**
 * Ungapped X-drop extension past the end of a chain, through substituted words (an edited
 * first or last sentence). Walks from a[from] and b[from + diagonal] in `step` direction,
 * never past `limit` on the side that walks towards the other copy.
 */
function extendEdge(
  a: Uint32Array,
  b: Uint32Array,
  from: number,
  diagonal: number,
  step: 1 | -1,
  limit: number,
): { words: number; matched: number } {
  let score = 0;
  let best = { words: 0, matched: 0, score: 0 };
  let matched = 0;
  for (let i = from, words = 1; ; i += step, words++) {
    const j = i + diagonal;
    if (i < 0 || j < 0 || i >= a.length || j >= b.length) break;
    if (step === 1 ? i >= limit : j < limit) break;
    const same = a[i] === b[j];
    if (same) matched++;
    score += same ? EDGE_MATCH : EDGE_MISMATCH;
    if (score > best.score) best = { words, matched, score };
    else if (score < best.score - EDGE_X_DROP) break;
  }
  return best;
}

/** Length of the longest common subsequence of a[aFrom, aTo) and b[bFrom, bTo); both are short gaps. */
function commonSubsequence(a: Uint32Array, aFrom: number, aTo: number, b: Uint32Array, bFrom: number, bTo: number): number {
  const width = bTo - bFrom;
  if (aTo <= aFrom || width <= 0) return 0;
  let previous = new Uint16Array(width + 1);
  let current = new Uint16Array(width + 1);
  for (let i = aFrom; i < aTo; i++) {
    for (let j = 1; j <= width; j++) {
      current[j] = a[i] === b[bFrom + j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[width];
}
