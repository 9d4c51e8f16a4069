import { Mark } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

interface HighlightedTextProps {
  /** The full text. */
  text: string;
  /** [start, end) ranges in UTF-16 units, as reviews.list returns them. */
  ranges?: readonly (readonly [number, number])[];
}

/** Text with the search matches marked; ranges come from the backend so they match its search exactly. */
export function HighlightedText({ text, ranges }: HighlightedTextProps) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of sorted) {
    const start = Math.max(rawStart, at);
    const end = Math.min(rawEnd, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>);
    parts.push(
      <Mark key={`m${start}`} color="yellow">
        {text.slice(start, end)}
      </Mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

/** Ranges of every occurrence of `query` in `text`, for text the backend did not highlight (追评). */
export function findRanges(text: string, query: string | undefined): [number, number][] {
  const needle = query?.trim().toLowerCase();
  if (!needle) return [];
  const haystack = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}
