/** A domain's messages: Vietnamese (the reference) and English with exactly the same keys. */
export function defineMessages<const V extends Record<string, string>>(vi: V, en: { [K in keyof V]: string }): { vi: V; en: { [K in keyof V]: string } } {
  return { vi, en };
}
