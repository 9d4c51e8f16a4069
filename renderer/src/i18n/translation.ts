/**
 * The type of a second-language file: exactly the keys of the zh-CN original, with any wording.
 * A missing key fails the assignment; an extra key fails the object literal's excess-property
 * check at every depth, so `tsc` catches both before the parity test runs.
 */
export type Translation<Source> = {
  readonly [Key in keyof Source]: Source[Key] extends string ? string : Translation<Source[Key]>;
};

/**
 * The translation key a value maps to, or undefined when the map does not know the value (the
 * backend may send a code this build has no words for; the caller shows the value itself).
 */
export function keyFor<Key>(map: Readonly<Record<string, Key>>, value: string): Key | undefined {
  return Object.hasOwn(map, value) ? map[value] : undefined;
}

/**
 * The keys of one group of words, by the last part of each key: `wordKeys('errors.issues', words)`
 * gives `{ required: 'errors.issues.required', … }`, each typed literally so `t()` checks it. For
 * codes that come from the backend, where the group of words is the list of codes the UI can name.
 */
export function wordKeys<const Prefix extends string, Words extends object>(
  prefix: Prefix,
  words: Words,
): { readonly [Code in keyof Words & string]: `${Prefix}.${Code}` } {
  return Object.fromEntries(Object.keys(words).map((code) => [code, `${prefix}.${code}`])) as {
    readonly [Code in keyof Words & string]: `${Prefix}.${Code}`;
  };
}
