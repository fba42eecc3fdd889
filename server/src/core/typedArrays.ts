/** Typed arrays that grow as they fill: the lists and tables that keep numbers out of the garbage collector's way. */

type GrowableArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A copy of `array` with room for at least `size` entries, and half as many again as it had. */
export function grown<T extends GrowableArray>(array: T, size: number): T {
  const larger = new (array.constructor as new (length: number) => T)(Math.max(size, Math.ceil(array.length * 1.5)));
  larger.set(array);
  return larger;
}

/** `array` when it has room for `size` entries, else a new, empty one with room for twice as many: for working columns reused from one call to the next. */
export function withRoom<T extends GrowableArray>(array: T, size: number): T {
  return array.length >= size ? array : new (array.constructor as new (length: number) => T)(2 * size);
}
