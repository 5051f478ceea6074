/**
 * Where each bracket of a masked text closes, from one stack pass made on first use. Any closing
 * bracket closes the innermost open one, whatever its kind, as a depth count would: code with a
 * stray bracket degrades the same way everywhere, and every question after the pass is O(1).
 */
export class BracketPairs {
  /** `closes[open]` is the closing index plus one; 0 (the typed array's default) means never closed. */
  private closes: Int32Array | undefined;

  constructor(private readonly s: string) {}

  /** Index of the bracket closing the one that opens at `open`, or -1 when it is never closed. */
  closeOf(open: number): number {
    const closes = (this.closes ??= pairUp(this.s));
    return (closes[open] ?? 0) - 1;
  }
}

// perf: typed arrays for the pairs and the stack; no per-bracket allocation.
function pairUp(s: string): Int32Array {
  const n = s.length;
  const closes = new Int32Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c === 40 || c === 91 || c === 123) stack[top++] = j;
    else if ((c === 41 || c === 93 || c === 125) && top > 0) closes[stack[--top] as number] = j + 1;
  }
  return closes;
}
