/** "1 article", "3 articles": a count with its noun, for hovers, views and the status bar. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
