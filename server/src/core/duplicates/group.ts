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
      if (sameCopy(first, second)) sets.union(order[i], order[j]);
    }
  }
}

/** Two places in one file are the same copy when they overlap by half the longer one. */
function sameCopy(x: CopyRange, y: CopyRange): boolean {
  const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  const longer = Math.max(x.end - x.start, y.end - y.start);
  return overlap >= SAME_COPY_OVERLAP * longer;
}

interface Place extends CopyRange {
  span: PairSpan;
  seen: boolean;
}

/**
 * The spans of every group with a copy in one of `files`: what an edit of those files can
 * change, found by walking from their copies to the other side of each span and to the
 * same copy's other places, so that the rest of the workspace is not grouped again.
 */
export function spansAround(files: Iterable<number>, spansOf: (file: number) => Iterable<readonly PairSpan[]>): PairSpan[] {
  const sides = new Map<PairSpan, [Place, Place]>();
  const placesByFile = new Map<number, Place[]>();
  const placesOf = (file: number): Place[] => {
    let places = placesByFile.get(file);
    if (places) return places;
    places = [];
    for (const spans of spansOf(file)) {
      for (const span of spans) {
        let pair = sides.get(span);
        if (!pair) {
          pair = [
            { file: span.fileA, start: span.aStart, end: span.aEnd, span, seen: false },
            { file: span.fileB, start: span.bStart, end: span.bEnd, span, seen: false },
          ];
          sides.set(span, pair);
        }
        // A pair within one file is listed once and holds both places.
        for (const place of pair) if (place.file === file) places.push(place);
      }
    }
    places.sort((x, y) => x.start - y.start);
    placesByFile.set(file, places);
    return places;
  };
  const queue: Place[] = [];
  const visit = (place: Place) => {
    if (place.seen) return;
    place.seen = true;
    queue.push(place);
  };
  for (const file of files) for (const place of placesOf(file)) visit(place);
  while (queue.length > 0) {
    const place = queue.pop()!;
    for (const side of sides.get(place.span)!) visit(side);
    for (const other of placesOf(place.file)) {
      if (other.start >= place.end) break;
      if (sameCopy(place, other)) visit(other);
    }
  }
  return [...sides].filter(([, [side]]) => side.seen).map(([span]) => span);
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
