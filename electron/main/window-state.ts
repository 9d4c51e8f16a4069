import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const fileName = 'window-state.json';
const fallback: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false };

/** The last window position, if it still lands on a connected display (monitors come and go). */
export function loadWindowState(userData: string): WindowState & { placed: boolean } {
  try {
    const state = JSON.parse(readFileSync(join(userData, fileName), 'utf8')) as WindowState;
    const visible = screen.getAllDisplays().some(({ workArea }) =>
      state.bounds.x < workArea.x + workArea.width &&
      state.bounds.x + state.bounds.width > workArea.x &&
      state.bounds.y < workArea.y + workArea.height &&
      state.bounds.y + state.bounds.height > workArea.y,
    );
    if (visible && state.bounds.width >= 800 && state.bounds.height >= 560) return { ...state, placed: true };
  } catch {
    // First start or an unreadable file: use the default size, centred.
  }
  return { ...fallback, placed: false };
}

export function trackWindowState(window: BrowserWindow, userData: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(join(userData, fileName), JSON.stringify(state));
    } catch (error) {
      console.warn('[window-state] not saved', error);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
