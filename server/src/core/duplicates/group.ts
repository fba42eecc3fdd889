/**
 * Pairwise duplicated spans to groups of copies: a passage with N copies becomes one
 * group of N places, not N·(N−1)/2 pairs.
 *
 * Every span contributes two places (one per side). Places in the same file that cover
 * mostly the same words (overlap of at least half the longer one) are the same copy;
 * pairs link copies; the connected components (union–find) are the groups. A shorter
 * passage found inside a longer duplicated one, but also elsewhere, stays its own group.
 */

export interface PairSpan {
  fileA: number;
  aStart: number;
  aEnd: number;
  fileB: number;
  bStart: number;
  bEnd: number;
  similarity: number;
}

export interface CopyRange {
  file: number;
  start: number;
  end: number;
}

export interface SpanGroup {
  copies: CopyRange[];
  /** The lowest similarity of the spans that link the group. */
  similarity: number;
}

const SAME_COPY_OVERLAP = 0.5;

export function groupSpans(spans: readonly PairSpan[]): SpanGroup[] {
  const places: CopyRange[] = [];
  for (const span of spans) {
    places.push({ file: span.fileA, start: span.aStart, end: span.aEnd });
    places.push({ file: span.fileB, start: span.bStart, end: span.bEnd });
  }
  const sets = new DisjointSets(places.length);
  for (let i = 0; i < places.length; i += 2) sets.union(i, i + 1);
  unionSameCopies(places, sets);

  const byRoot = new Map<number, number[]>();
  places.forEach((_, i) => {
    const root = sets.find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  });
  const groups: SpanGroup[] = [];
  for (const members of byRoot.values()) {
    let similarity = 1;
    for (const place of members) if (place % 2 === 0) similarity = Math.min(similarity, spans[place / 2].similarity);
    groups.push({ copies: mergeOverlapping(members.map((i) => places[i])), similarity });
  }
  return groups;
}

function unionSameCopies(places: CopyRange[], sets: DisjointSets): void {
  const order = places.map((_, i) => i);
  order.sort((x, y) => places[x].file - places[y].file || places[x].start - places[y].start);
  for (let i = 0; i < order.length; i++) {
    const first = places[order[i]];
    for (let j = i + 1; j < order.length; j++) {
      const second = places[order[j]];
      if (second.file !== first.file || second.start >= first.end) break;
      const overlap = Math.min(first.end, second.end) - second.start;
      const longer = Math.max(first.end - first.start, second.end - second.start);
      if (overlap >= SAME_COPY_OVERLAP * longer) sets.union(order[i], order[j]);
    }
  }
}

/** One range per distinct copy: overlapping ranges in the same file are merged. */
function mergeOverlapping(ranges: CopyRange[]): CopyRange[] {
  ranges.sort((x, y) => x.file - y.file || x.start - y.start);
  const merged: CopyRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.file === range.file && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

class DisjointSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[x] !== root) {
      const next = this.parent[x];
      this.parent[x] = root;
      x = next;
    }
    return root;
  }

  union(x: number, y: number): void {
    const rootX = this.find(x);
    const rootY = this.find(y);
    if (rootX !== rootY) this.parent[Math.max(rootX, rootY)] = Math.min(rootX, rootY);
  }
}
