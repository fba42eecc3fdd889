/**
 * A set of strings kept as a plain list until something is removed from it, then as a Set.
 * An organisation's files are only added to while a whole workspace is indexed or restored
 * (at 100k articles, 40k files and about half a million file-organisation pairs), and
 * pushing to a list cost a fraction of adding to a Set; only an organisation whose files
 * change later pays for the Set. The caller adds only what is not in it already.
 */
export class ListedSet implements Iterable<string> {
  private listed: string[] | undefined = [];
  private set: Set<string> | undefined;

  /** `item` must not be in the set. */
  add(item: string): void {
    if (this.listed) this.listed.push(item);
    else this.set!.add(item);
  }

  delete(item: string): void {
    if (this.listed) {
      this.set = new Set(this.listed);
      this.listed = undefined;
    }
    this.set!.delete(item);
  }

  get size(): number {
    return this.listed ? this.listed.length : this.set!.size;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.listed ? this.listed.values() : this.set!.values();
  }
}
