import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain/preferences';

const labels = {
  'zh-CN': {
    file: '文件', backup: '立即备份', openData: '打开数据文件夹', quit: '退出',
    edit: '编辑', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选',
    view: '视图', reload: '重新加载', zoomIn: '放大', zoomOut: '缩小', resetZoom: '实际大小', fullscreen: '全屏',
    window: '窗口', minimize: '最小化', close: '关闭', help: '帮助', about: '关于差评工作台',
  },
  en: {
    file: 'File', backup: 'Back Up Now', openData: 'Open Data Folder', quit: 'Quit',
    edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    view: 'View', reload: 'Reload', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', resetZoom: 'Actual Size', fullscreen: 'Toggle Full Screen',
    window: 'Window', minimize: 'Minimize', close: 'Close', help: 'Help', about: 'About ReviewDesk',
  },
} satisfies Record<Language, Record<string, string>>;

export interface MenuActions {
  backup(): void;
  openDataFolder(): void;
}

/**
 * The menu's items. A packaged build has no Reload and no DevTools item (nor their accelerators):
 * the shortcuts would otherwise open DevTools on a customer's machine.
 */
export function menuTemplate(language: Language, actions: MenuActions, packaged: boolean): MenuItemConstructorOptions[] {
  const l = labels[language];
  return [
    {
      label: l.file,
      submenu: [
        { label: l.backup, click: actions.backup },
        { label: l.openData, click: actions.openDataFolder },
        { type: 'separator' },
        { label: l.quit, role: 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { label: l.undo, role: 'undo' },
        { label: l.redo, role: 'redo' },
        { type: 'separator' },
        { label: l.cut, role: 'cut' },
        { label: l.copy, role: 'copy' },
        { label: l.paste, role: 'paste' },
        { label: l.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [
        ...(packaged ? [] : [{ label: l.reload, role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
        { label: l.resetZoom, role: 'resetZoom' },
        { label: l.zoomIn, role: 'zoomIn' },
        { label: l.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: l.fullscreen, role: 'togglefullscreen' },
      ],
    },
    { label: l.window, submenu: [{ label: l.minimize, role: 'minimize' }, { label: l.close, role: 'close' }] },
    { label: l.help, submenu: [{ label: l.about, role: 'about' }] },
  ];
}

/** The application menu in the user's chosen language; rebuilt when the preference changes. */
export function setApplicationMenu(language: Language, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, actions, app.isPackaged)));
}
