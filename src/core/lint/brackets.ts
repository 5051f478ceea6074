/**
 * Where brackets of a masked text close. Any closing bracket closes the innermost open one,
 * whatever its kind, as a depth count would: code with a stray bracket degrades the same way
 * everywhere.
 *
 * Pairs are found on demand, walking forward from the bracket asked about, and every bracket met
 * on the way is remembered: a later walk jumps over a known pair, and stops at a bracket known
 * never to close (nothing around it can close either). So no character is walked twice, and a
 * text whose titles sit in no list is never walked at all.
 */
export class BracketPairs {
  /** Opening index -> closing index, or -1 when it never closes. */
  private readonly known = new Map<number, number>();

  constructor(private readonly s: string) {}

  /** Index of the bracket closing the one that opens at `open`, or -1 (never closed, or not an opening bracket). */
  closeOf(open: number): number {
    const hit = this.known.get(open);
    if (hit !== undefined) return hit;
    const s = this.s;
    if (!isOpening(s.charCodeAt(open))) return -1;
    const stack: number[] = [open];
    for (let j = open + 1; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (isOpening(c)) {
        const known = this.known.get(j);
        if (known === -1) break;
        if (known !== undefined) j = known;
        else stack.push(j);
      } else if (c === 41 || c === 93 || c === 125) {
        const o = stack.pop() as number;
        this.known.set(o, j);
        if (stack.length === 0) return j;
      }
    }
    for (const o of stack) this.known.set(o, -1);
    return -1;
  }
}

const isOpening = (c: number): boolean => c === 40 || c === 91 || c === 123;
