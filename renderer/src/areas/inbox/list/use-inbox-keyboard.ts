import { useEffect, useRef } from 'react';

interface KeyboardActions {
  /** j / k: move the cursor by one row. */
  move: (delta: 1 | -1) => void;
  /** Enter: open the row under the cursor. */
  open: () => void;
  /** Esc: close the detail pane. */
  close: () => void;
  /** /: jump to the search box. */
  focusSearch: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The inbox's single-key shortcuts. They never fire while the person types, while a dialog is
 * open, or (Enter) on a focused button or link, whose own Enter must keep working.
 */
export function useInboxKeyboard(actions: KeyboardActions) {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const current = latest.current;
      switch (event.key) {
        case 'j':
          event.preventDefault();
          current.move(1);
          break;
        case 'k':
          event.preventDefault();
          current.move(-1);
          break;
        case 'Enter':
          if (event.target instanceof HTMLElement && event.target.closest('button, a, [role="button"], [role="tab"], [role="option"]')) return;
          event.preventDefault();
          current.open();
          break;
        case 'Escape':
          current.close();
          break;
        case '/':
          event.preventDefault();
          current.focusSearch();
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
