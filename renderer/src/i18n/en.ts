import type { Messages } from './zh-CN';

/** English, the second language. Keys mirror zh-CN.ts exactly. */
export const en: Messages = {
  app: {
    name: 'ReviewDesk',
    secondaryName: '差评工作台',
    version: 'Version {{version}}',
  },
  common: {
    loading: 'Loading…',
    cancel: 'Cancel',
    save: 'Save',
    retry: 'Retry',
    close: 'Close',
    undo: 'Undo',
    none: 'None',
    done: 'Done',
  },
  nav: {
    label: 'Main navigation',
    toggle: 'Show or hide navigation',
    inbox: 'Inbox',
    cases: 'Cases',
    customers: 'Customers',
    evidence: 'Evidence',
    appeals: 'Appeals',
    reports: 'Reports',
    team: 'Team',
    settings: 'Settings',
  },
  header: {
    language: 'Language',
    colorScheme: 'Color scheme',
  },
  languages: {
    'zh-CN': '中文',
    en: 'English',
  },
  colorSchemes: {
    light: 'Light',
    dark: 'Dark',
    auto: 'Auto',
  },
  areas: {
    inbox: {
      emptyTitle: 'Your inbox is empty',
      description:
        'Every review from every shop and platform will arrive here. Negative ones are surfaced within a minute, with the reason they were classified as negative.',
    },
    cases: {
      emptyTitle: 'No cases yet',
      description:
        'Each negative review that needs handling becomes a case: who owns it, how far it has got and how long until it is overdue, at a glance.',
    },
    customers: {
      emptyTitle: 'No customers yet',
      description: 'Buyers who left reviews are gathered here, with their orders, past reviews and every conversation.',
    },
    evidence: {
      emptyTitle: 'The evidence library is empty',
      description:
        'Chat screenshots, shipping records and product photos are kept on this computer with integrity checks, ready to cite in an appeal.',
    },
    appeals: {
      emptyTitle: 'No appeals yet',
      description:
        'For malicious or false reviews, collect evidence here, build an appeal in the format each platform expects, and track the outcome.',
    },
    reports: {
      emptyTitle: 'Nothing to report yet',
      description:
        'Trends in negative reviews, their reasons, handling times and appeal success rates, by shop and by platform.',
    },
  },
  demo: {
    load: 'Load demo data',
    loadedTitle: 'Demo data loaded',
    loadedMessage: 'Added {{shops}} shops and {{staff}} staff members.',
    nothingAdded: 'The demo data was already loaded; nothing new was added.',
  },
  roles: {
    agent: 'Agent',
    supervisor: 'Supervisor',
    legal: 'Legal',
    owner: 'Owner',
  },
  platforms: {
    taobao: 'Taobao',
    tmall: 'Tmall',
    douyin: 'Douyin',
    jd: 'JD',
    pinduoduo: 'Pinduoduo',
    kuaishou: 'Kuaishou',
  },
  team: {
    title: 'Team',
    subtitle: 'Manage your support staff and their roles. Roles decide who handles, approves and appeals reviews.',
    addTitle: 'Add a member',
    name: 'Name',
    namePlaceholder: 'e.g. Wang Xiaoming',
    role: 'Role',
    rolePlaceholder: 'Choose a role',
    add: 'Add member',
    added: 'Added {{name}}',
    showInactive: 'Show deactivated members',
    count: '{{count}} members',
    colName: 'Name',
    colRole: 'Role',
    colStatus: 'Status',
    colCreated: 'Added',
    colActions: 'Actions',
    active: 'Active',
    inactive: 'Deactivated',
    edit: 'Edit',
    editAria: 'Edit {{name}}',
    editTitle: 'Edit member',
    saved: 'Saved {{name}}',
    deactivate: 'Deactivate',
    deactivateAria: 'Deactivate {{name}}',
    reactivate: 'Reactivate',
    reactivateAria: 'Reactivate {{name}}',
    deactivateTitle: 'Deactivate {{name}}?',
    deactivateBody:
      '{{name}} will no longer be assigned new cases; their history is kept. You can reactivate them at any time.',
    reactivateTitle: 'Reactivate {{name}}?',
    reactivateBody: '{{name}} will be available for assignment again.',
    deactivated: 'Deactivated {{name}}',
    reactivated: 'Reactivated {{name}}',
    emptyTitle: 'No team members yet',
    emptyDescription: 'Add your first staff member with the form above, or load the demo data to look around.',
  },
  settings: {
    title: 'Settings',
    subtitle: 'Shops, preferences and the data on this computer.',
  },
  shops: {
    title: 'Shops',
    description: 'The shops ReviewDesk manages. Each belongs to one platform; reviews and cases are filed by shop.',
    platform: 'Platform',
    platformPlaceholder: 'Choose a platform',
    name: 'Shop name',
    namePlaceholder: 'e.g. Xiaowang Home Flagship Store',
    add: 'Add shop',
    added: 'Added shop {{name}}',
    colPlatform: 'Platform',
    colName: 'Shop name',
    colCreated: 'Added',
    colActions: 'Actions',
    rename: 'Rename',
    renameAria: 'Rename {{name}}',
    renameTitle: 'Rename shop',
    renamed: 'Shop renamed to {{name}}',
    remove: 'Remove',
    removeAria: 'Remove {{name}}',
    removeTitle: 'Remove the shop “{{name}}”?',
    removeBody: 'The shop “{{name}}” will be removed from the list. This cannot be undone.',
    removeConfirm: 'Remove shop',
    removed: 'Removed shop {{name}}',
    emptyTitle: 'No shops yet',
    emptyDescription: 'Add your first shop, or load the demo data to look around.',
  },
  preferences: {
    title: 'Preferences',
    description: 'Language and color scheme are saved on this computer and applied the next time you open the app.',
    language: 'Language',
    colorScheme: 'Color scheme',
  },
  data: {
    title: 'Data',
    description:
      'All data stays on this computer. Back up regularly; to move to another computer, copy the whole data folder.',
    dataDir: 'Data folder',
    dbPath: 'Database file',
    schemaVersion: 'Schema version',
    appVersion: 'App version',
    backup: 'Backup now',
    backupDone: 'Backup complete',
    backupMessage: 'Saved to {{path}} ({{size}})',
    lastBackup: 'This backup',
    verify: 'Verify database',
    verifyOk: 'The database is healthy',
    verifyFailed: 'The database has problems',
    integrity: 'Integrity check',
    expectedSchema: 'Schema version this app expects',
    pendingMigrations: 'Pending upgrades',
    openFolder: 'Open data folder',
    folderOpened: 'Opened {{path}}',
    folderNotOpened: 'Could not open the folder automatically. Go to: {{path}}',
    migratedFrom: 'This start upgraded the database; the copy from before the upgrade is at {{path}}',
  },
  activity: {
    title: 'Recent activity',
    description: 'The latest {{count}} recorded actions.',
    empty: 'Nothing has been recorded yet.',
    /** Built-in actors; staff names are shown as they are. */
    actors: {
      local: 'This computer',
      cli: 'Command line',
    },
    actions: {
      staff: {
        create: 'added a member',
        update: 'edited a member',
        deactivate: 'deactivated a member',
        reactivate: 'reactivated a member',
      },
      shops: {
        create: 'added a shop',
        update: 'edited a shop',
        remove: 'removed a shop',
      },
      demo: {
        load: 'loaded the demo data',
      },
      maintenance: {
        backup: 'backed up the database',
        verify: 'verified the database',
      },
      settings: {
        updatePreferences: 'changed preferences',
      },
    },
  },
  errors: {
    title: 'That did not work',
    loadFailed: 'Could not load the data',
    codes: {
      VALIDATION: 'Some fields need attention. Check the highlighted fields and try again.',
      NOT_FOUND: 'That record could not be found; it may have been deleted. Refresh and try again.',
      CONFLICT: 'This clashes with existing data. Change it and try again.',
      FORBIDDEN: 'You do not have permission to do this.',
      BAD_FILE: 'The file could not be read or its format is not supported.',
      UNAVAILABLE: 'The backend is temporarily unavailable. Try again in a moment.',
      INTERNAL: 'Something unexpected went wrong. Try again; if it keeps happening, contact support.',
      UNAUTHORIZED:
        'The access token is missing or wrong. Open this page again with the full link shown when the server started (including ?token=…).',
      NETWORK: 'Cannot reach the ReviewDesk backend. Make sure it is running, then retry.',
      UNKNOWN: 'Something unexpected went wrong. Please try again.',
    },
    issues: {
      too_small: 'This is empty or too short',
      too_big: 'This is too long',
      invalid_type: 'This has the wrong format',
      invalid_value: 'Choose one of the options',
      invalid_format: 'This has the wrong format',
      unrecognized_keys: 'Contains something unexpected',
      duplicate: 'Something with this name already exists',
      last_owner: 'At least one active owner is required. Add or reactivate another owner first.',
      other: 'This value is not valid',
    },
    fields: {
      name: {
        too_small: 'Enter a name (spaces alone do not count)',
        too_big: 'Names can be at most 40 characters',
      },
    },
    scoped: {
      staff: {
        name: {
          duplicate: 'A member with this name already exists',
        },
      },
      shops: {
        name: {
          duplicate: 'A shop with this name already exists',
        },
      },
    },
  },
  startup: {
    opening: 'Opening the database…',
    errorTitle: 'The database could not be opened',
    errorIntro: 'ReviewDesk has not changed your data. Follow the steps below.',
    reasons: {
      corrupt: 'The database file is damaged and its data cannot be read.',
      'migration-failed':
        'Upgrading the database to this version failed, so the upgrade did not finish. A copy from before the upgrade is in the backups folder.',
      'newer-schema':
        'This database was created by a newer version of ReviewDesk, which this version cannot open. Install the latest version and try again.',
      unreadable:
        'The database file cannot be read. The app may lack permission, or another program may be holding the file.',
    },
    technical: 'Technical details',
    dbPath: 'Database file',
    backupsDir: 'Backups folder',
    openBackups: 'Open backups folder',
    nextTitle: 'What to do next',
    next: {
      close: 'Quit ReviewDesk.',
      find: 'Open the backups folder and find the most recent backup (its file name contains the date).',
      restore:
        'Rename the database file above to keep it, copy the backup in its place under the same file name, then start ReviewDesk again.',
      support: 'If the problem persists, contact support and include the technical details above.',
    },
    connectionTitle: 'Cannot connect to the backend',
    connectionIntro: 'The window is open, but the service that stores your data cannot be reached.',
  },
};
