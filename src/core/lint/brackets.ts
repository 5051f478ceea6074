/**
 * Where each bracket of a masked text closes, from one stack pass made on first use. Any closing
 * bracket closes the innermost open one, whatever its kind, as a depth count would: code with a
 * stray bracket degrades the same way everywhere, and every question after the pass is O(1).
 */
export class BracketPairs {
  private closes: Int32Array | undefined;

  constructor(private readonly s: string) {}

  /** Index of the bracket closing the one that opens at `open`, or -1 when it is never closed. */
  closeOf(open: number): number {
    const closes = (this.closes ??= pairUp(this.s));
    return closes[open] ?? -1;
  }
}

function pairUp(s: string): Int32Array {
  const closes = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 40 || c === 91 || c === 123) stack.push(j);
    else if (c === 41 || c === 93 || c === 125) {
      const open = stack.pop();
      if (open !== undefined) closes[open] = j;
    }
  }
  return closes;
}
