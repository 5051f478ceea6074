/**
 * On-Premises API codes and the Cloud API codes they correspond to. The On-Premises API is retired,
 * but its codes live on in old handlers (`case 470:` next to `case 131047:`) and SDK maps.
 * Every pair is inferred from matching titles, not stated by Meta, so hints must say so.
 */
export interface LegacyEquivalent {
  readonly onPremisesCode: number;
  readonly cloudCode: number;
  /** The On-Premises title, where a source gives it. */
  readonly onPremisesTitle?: string;
  /** Always true: the pairing is our inference from titles, not documented by Meta. */
  readonly inferred: true;
}

const PAIRS: readonly LegacyEquivalent[] = [
  { onPremisesCode: 470, cloudCode: 131047, onPremisesTitle: 'Re-engagement message', inferred: true },
  { onPremisesCode: 471, cloudCode: 131048, inferred: true },
  { onPremisesCode: 472, cloudCode: 130472, inferred: true },
  { onPremisesCode: 1026, cloudCode: 131026, onPremisesTitle: 'Receiver incapable', inferred: true },
];

/** On-Premises code → its Cloud API counterpart. */
export const LEGACY_EQUIVALENTS: ReadonlyMap<number, LegacyEquivalent> = new Map(PAIRS.map((p) => [p.onPremisesCode, p]));

/** The On-Premises code's counterpart, if it has one. */
export function legacyEquivalent(code: number): LegacyEquivalent | undefined {
  return LEGACY_EQUIVALENTS.get(code);
}

/** One plain-text line for a hover or the CLI, e.g. for 470: "On-Premises code 470 corresponds to Cloud API 131047 (inferred from matching titles)." */
export function legacyHint(code: number): string | undefined {
  const eq = LEGACY_EQUIVALENTS.get(code);
  if (!eq) return undefined;
  return `On-Premises code ${eq.onPremisesCode} corresponds to Cloud API ${eq.cloudCode} (inferred from matching titles).`;
}
