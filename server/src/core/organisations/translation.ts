/**
 * A recognition memory (see memory.ts) gives every file's capitalised words and mentions by
 * number in tables of its own; an index takes them in under its own numbers. Each entry of
 * such a table is looked up once, when first met, rather than once per file or mention
 * (millions of lookups at 100k articles).
 */

/** `numberOf` of each string of `table`, by its number there, looked up when first asked for. */
export function tableTranslation(table: readonly string[], numberOf: (text: string) => number): (number: number) => number {
  const numbers = new Int32Array(table.length).fill(-1);
  return (number) => {
    const known = numbers[number];
    return known >= 0 ? known : (numbers[number] = numberOf(table[number]));
  };
}
