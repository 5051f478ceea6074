/**
 * The lookup form of an error title: lower case, typographic apostrophes made straight, runs of
 * whitespace collapsed, trailing periods dropped. Payloads and SDKs differ in exactly these ways
 * ("Message Undeliverable" vs "Message undeliverable.").
 */
export function normalizeTitle(text: string): string {
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
  // perf: a loop, not /\.+$/, which rescans every run of dots from each of its positions.
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 46 /* . */) end--;
  return t.slice(0, end).trimEnd();
}
