import { join, resolve } from 'node:path';
import { BrowserWindow, Notification, app, ipcMain, nativeImage, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import type { EventMessage } from '../../shared/contract/events';
import { badgeText } from '../../shared/domain/sla';
import { preferences as preferencesSchema } from '../../shared/contract';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { CoreHost } from './core-host';
import { handleEvidenceProtocol } from './evidence-protocol';
import { registerFilePickers } from './file-pickers';
import { installIpcRouter } from './ipc-router';
import { setApplicationMenu, type MenuActions } from './menu';
import { appOrigin, applySecurityBaseline, secureWebPreferences } from './security';
import { loadWindowState, trackWindowState } from './window-state';

// The shell is thin on purpose: windows, security, protocol, menu, notifications, updater, and an
// IPC router that checks the sender before handing calls to the backend in its utilityProcess.

app.setName('ReviewDesk');
const dataDirFlag = app.commandLine.getSwitchValue('data-dir') || process.env.REVIEWDESK_DATA_DIR;
if (dataDirFlag) app.setPath('userData', resolve(dataDirFlag));

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let core: CoreHost;

  const broadcast = (message: EventMessage) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('api:event', message);
  };

  const menuActions: MenuActions = {
    backup: () => void core.call('maintenance.backup', {}),
    openDataFolder: () => void core.call('app.openFolder', { folder: 'data' }),
  };
  const refreshMenu = async () => {
    const envelope = await core.call('settings.getPreferences', {});
    const parsed = envelope.ok ? preferencesSchema.safeParse(envelope.value) : null;
    setApplicationMenu(parsed?.success ? parsed.data.language : 'zh-CN', menuActions);
  };

  /**
   * How many open cases are past their deadline: the dock (macOS) and launcher (Linux) badge, and
   * on Windows, which has no badge count, a red overlay on the taskbar button.
   */
  const showBreachedBadge = (breached: number) => {
    app.setBadgeCount(breached);
    if (process.platform === 'win32' && mainWindow) {
      const overlay = breached > 0 ? nativeImage.createFromPath(join(app.getAppPath(), 'resources', 'badge-overlay.png')) : null;
      mainWindow.setOverlayIcon(overlay, breached > 0 ? `${badgeText(breached)} 个工单已超时 / ${badgeText(breached)} overdue` : '');
    }
  };

  const createWindow = () => {
    const userData = app.getPath('userData');
    const state = loadWindowState(userData);
    const window = new BrowserWindow({
      ...(state.placed ? state.bounds : { width: state.bounds.width, height: state.bounds.height }),
      minWidth: 960,
      minHeight: 600,
      show: false,
      title: '差评工作台 ReviewDesk',
      backgroundColor: '#f8f9fa',
      webPreferences: secureWebPreferences({ preload: join(import.meta.dirname, '../preload/index.cjs'), packaged: app.isPackaged }),
    });
    if (state.maximized) window.maximize();
    trackWindowState(window, userData);
    window.once('ready-to-show', () => window.show());
    void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`);
    return window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    applySecurityBaseline(app, session.defaultSession, { devServerUrl, packaged: app.isPackaged });
    // Replaces Electron's default menu (which has Toggle Developer Tools) before any window opens;
    // refreshMenu() swaps in the user's language once the core answers.
    setApplicationMenu('zh-CN', menuActions);
    handleAppProtocol(join(import.meta.dirname, '../renderer'));

    core = new CoreHost({
      workerPath: join(import.meta.dirname, 'core-worker.js'),
      dataDir: app.getPath('userData'),
      version: app.getVersion(),
      dev: !app.isPackaged,
      onEvent: (message) => {
        broadcast(message);
        if (message.event === 'data.changed' && message.payload.domain === 'settings') void refreshMenu();
        if (message.event === 'badge.changed') showBreachedBadge(message.payload.breached);
      },
      notify: (notification) => {
        if (!Notification.isSupported()) return;
        const shown = new Notification({ title: notification.title, body: notification.body, silent: !(notification.sound ?? notification.urgent) });
        shown.on('click', () => {
          mainWindow?.show();
          mainWindow?.focus();
          if (notification.route) broadcast({ event: 'app.navigate', payload: { route: notification.route } });
        });
        shown.show();
      },
      openPath: async (path) => (await shell.openPath(path)) === '',
    });
    core.start();
    handleEvidenceProtocol({
      dataDir: app.getPath('userData'),
      lookup: async (sha256) => {
        const envelope = await core.call('evidence.resolveObject', { sha256 });
        return envelope.ok ? (envelope.value as { mime: string }) : null;
      },
    });

    registerFilePickers({ vouch: (kind, paths) => core.vouch(kind, paths), devServerUrl });
    installIpcRouter(ipcMain, { call: (method, input) => core.call(method, input), devServerUrl });

    void refreshMenu();
    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));

    if (app.isPackaged) {
      // Offline is the normal case for this app: a failed check is logged, never shown as an error.
      electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
        console.warn('[updater] update check failed', error);
      });
    }

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit waits once for the core to close its database cleanly, then quits for real.
  let coreStopped = false;
  app.on('before-quit', (event) => {
    if (coreStopped || !core) return;
    event.preventDefault();
    void core.stop().then(() => {
      coreStopped = true;
      app.quit();
    });
  });
}
