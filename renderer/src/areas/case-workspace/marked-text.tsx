import { Mark } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

/** [start, end) ranges of every occurrence of any of `words` in `text`, merged where they overlap. */
export function wordRanges(text: string, words: readonly string[]): [number, number][] {
  const haystack = text.toLowerCase();
  const found: [number, number][] = [];
  for (const word of new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))) {
    for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + word.length)) found.push([at, at + word.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** Text with the words that raised the category or a flag marked. */
export function MarkedText({ text, words }: { text: string; words: readonly string[] }) {
  const ranges = wordRanges(text, words);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>);
    parts.push(
      <Mark key={`m${start}`} color="yellow" data-testid="marked-word">
        {text.slice(start, end)}
      </Mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
