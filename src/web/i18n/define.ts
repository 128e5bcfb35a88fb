export type Language = 'nb' | 'nn' | 'en';
export const languages: Language[] = ['nb', 'nn', 'en'];

/**
 * A feature's messages in all three languages. Bokmål is the source; nynorsk and English must have exactly
 * the same keys (the compiler checks it), so no screen is ever half translated.
 */
export function defineMessages<K extends string>(messages: { nb: Record<K, string>; nn: Record<K, string>; en: Record<K, string> }) {
  return messages;
}
