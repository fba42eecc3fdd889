/**
 * How well themes agree with known labels: purity (the share of articles whose theme's
 * most common label is their own) and normalised mutual information, NMI = 2 I(T; L) /
 * (H(T) + H(L)), 1 when themes and labels are the same partition, 0 when independent.
 */

export interface Agreement {
  purity: number;
  nmi: number;
}

/** `themes[i]` and `labels[i]` are the theme and the true label of article i. */
export function agreement(themes: readonly string[], labels: readonly string[]): Agreement {
  const n = themes.length;
  if (n === 0) return { purity: 1, nmi: 1 };
  const joint = new Map<string, Map<string, number>>();
  const labelCounts = new Map<string, number>();
  themes.forEach((theme, i) => {
    const row = joint.get(theme) ?? new Map<string, number>();
    row.set(labels[i], (row.get(labels[i]) ?? 0) + 1);
    joint.set(theme, row);
    labelCounts.set(labels[i], (labelCounts.get(labels[i]) ?? 0) + 1);
  });
  let majority = 0;
  let mutual = 0;
  const themeCounts: number[] = [];
  for (const row of joint.values()) {
    const themeCount = [...row.values()].reduce((a, b) => a + b, 0);
    themeCounts.push(themeCount);
    majority += Math.max(...row.values());
    for (const [label, count] of row) mutual += (count / n) * Math.log((n * count) / (themeCount * (labelCounts.get(label) ?? 1)));
  }
  const entropyOfThemes = entropy(themeCounts, n);
  const entropyOfLabels = entropy([...labelCounts.values()], n);
  const denominator = entropyOfThemes + entropyOfLabels;
  return { purity: majority / n, nmi: denominator === 0 ? 1 : (2 * mutual) / denominator };
}

function entropy(counts: readonly number[], n: number): number {
  return -counts.reduce((sum, count) => sum + (count / n) * Math.log(count / n), 0);
}
