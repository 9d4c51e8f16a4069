/** [start, end) of each search word in the text, merged where they overlap. */
export function highlightRanges(text: string, search: string | undefined): [number, number][] {
  const words = (search ?? '').split(/[\s\u3000]+/).filter((word) => word !== '');
  if (words.length === 0) return [];
  const haystack = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const word of words) {
    const needle = word.toLowerCase();
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
