import { Kbd, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useImperativeHandle, useState, type Ref, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** What the filters bar may do to the box: 清除筛选 empties it and drops a search still waiting to run. */
export interface SearchBoxHandle {
  reset: () => void;
}

interface SearchBoxProps {
  /** The search in the URL. The box follows it when it changes from elsewhere (清除筛选, Back, a link). */
  value: string;
  /** Called once typing pauses, so each keystroke is not a query over a million rows. */
  onSearch: (search: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  handleRef: Ref<SearchBoxHandle>;
}

/** Normalised as the URL stores it: blank text is no search. */
const asStored = (text: string) => (text.trim() ? text : '');

export function SearchBox({ value, onSearch, inputRef, handleRef }: SearchBoxProps) {
  const { t } = useTranslation('inbox');
  const [draft, setDraft] = useState(value);
  // What this box last sent, and the URL value it last saw: a URL change that is not our own
  // search arriving replaces the draft.
  const [sent, setSent] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== asStored(sent)) {
      setDraft(value);
      setSent(value);
    }
  }
  const send = (text: string) => {
    setSent(text);
    onSearch(text);
  };
  const debounced = useDebouncedCallback(send, 300);
  useImperativeHandle(handleRef, () => ({
    reset: () => {
      debounced.cancel();
      setDraft('');
      setSent('');
    },
  }));
  return (
    <TextInput
      ref={inputRef}
      size="sm"
      miw={160}
      style={{ flex: '1 1 180px', maxWidth: 300 }}
      type="search"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      leftSection={<IconSearch size={16} />}
      rightSection={<Kbd size="xs">/</Kbd>}
      value={draft}
      data-testid="inbox-search"
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        // Enter searches at once; Esc hands the keyboard back to the list.
        if (event.key === 'Enter') {
          debounced.cancel();
          send(event.currentTarget.value);
        }
        if (event.key === 'Escape') event.currentTarget.blur();
      }}
    />
  );
}
