import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints virtual files placed in each layer, so the lint rules themselves are tested: a rule that
// silently stopped matching would let a wrong import through `npm test`. Every rule has a probe that
// breaks it and nothing else, and every layer has an import that must stay allowed.
const eslint = new ESLint({ cwd: process.cwd() });

const layeringRules = new Set([
  'reviewdesk/layer-imports',
  'reviewdesk/electron-imports',
  'reviewdesk/package-imports',
  'reviewdesk/area-imports',
]);

interface Finding {
  ruleId: string | null;
  severity: number;
  message: string;
}

async function findings(filePath: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
}

async function restrictedImports(filePath: string, code: string): Promise<number> {
  return (await findings(filePath, code)).filter((m) => m.ruleId !== null && layeringRules.has(m.ruleId)).length;
}

/** The rule ids a probe trips, one entry per error. */
async function ruleIds(filePath: string, code: string): Promise<(string | null)[]> {
  return (await findings(filePath, code)).map((m) => m.ruleId);
}

/** typescript-eslint forbids require() on its own; a require() probe trips it as well as the rule under test. */
const requireRule = '@typescript-eslint/no-require-imports';

/** A probe breaks exactly one rule: it must produce that rule's error and nothing else. */
async function expectOnly(filePath: string, code: string, ruleId: string, section: string): Promise<void> {
  const found = (await findings(filePath, code)).filter((m) => !(m.ruleId === requireRule && /\brequire\(/.test(code)));
  expect(found.map((m) => m.ruleId)).toEqual([ruleId]);
  expect(found[0]!.severity).toBe(2);
  expect(found[0]!.message).toContain(`docs/ARCHITECTURE.md "${section}"`);
}

const importElectron = "import { app } from 'electron';\nexport const x = app;\n";
const importFrom = (specifier: string) => `import { thing } from '${specifier}';\nexport const x = thing;\n`;

describe('layering lint rules', () => {
  it.each(['db/x.ts', 'shared/x.ts', 'electron/core/x.ts', 'electron/core/services/x.ts', 'renderer/src/x.tsx'])(
    'fail when %s imports electron',
    async (file) => {
      expect(await restrictedImports(file, importElectron)).toBeGreaterThan(0);
    },
  );

  it.each(['electron/main/x.ts', 'electron/preload/x.ts'])('allow electron in the shell (%s)', async (file) => {
    expect(await restrictedImports(file, importElectron)).toBe(0);
  });

  it('keep node:* and bare Node modules out of shared/ and the renderer', async () => {
    for (const file of ['shared/x.ts', 'renderer/src/x.ts']) {
      expect(await restrictedImports(file, "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toBeGreaterThan(0);
      expect(await restrictedImports(file, "import { join } from 'path';\nexport const x = join;\n")).toBeGreaterThan(0);
    }
    expect(await restrictedImports('db/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toBe(0);
  });

  it('keep the renderer away from db/ and electron/core/', async () => {
    expect(await restrictedImports('renderer/src/x.ts', "import { openDatabase } from '../../db/open-database';\nexport const x = openDatabase;\n")).toBeGreaterThan(0);
    expect(await restrictedImports('renderer/src/x.ts', "import { startCore } from '../../electron/core/core';\nexport const x = startCore;\n")).toBeGreaterThan(0);
    expect(await restrictedImports('renderer/src/x.ts', "import { contract } from '../../shared/contract';\nexport const x = contract;\n")).toBe(0);
  });
});

describe('layer-imports: each layer imports only the layers below it', () => {
  const rule = 'reviewdesk/layer-imports';

  it.each([
    ['shared/x.ts', '../db/open-database'],
    ['shared/contract/x.ts', '../../renderer/src/api/client'],
    ['shared/x.ts', '../electron/core/platform'],
    ['db/x.ts', '../electron/core/platform'],
    ['db/queries/x.ts', '../../renderer/src/api/client'],
    ['electron/core/x.ts', '../main/window-state'],
    ['electron/core/services/x.ts', '../../main/window-state'],
    ['electron/core/x.ts', '../../renderer/src/api/client'],
    ['electron/main/x.ts', '../../db/open-database'],
    ['electron/main/x.ts', '../core/services/reviews-service'],
    ['electron/main/x.ts', '../core/http/server'],
    ['electron/main/x.ts', '../core/services/evidence/evidence-service'],
    ['electron/main/x.ts', '../preload/index'],
    ['electron/preload/x.ts', '../core/platform'],
    ['electron/preload/x.ts', '../../db/open-database'],
    ['electron/preload/x.ts', '../main/security'],
    ['renderer/src/x.ts', '../../electron/main/security'],
    ['renderer/src/x.ts', '../../tests/helpers/temp-dir'],
    ['shared/x.ts', '../../outside-the-repo'],
  ])('%s may not import %s', async (file, specifier) => {
    await expectOnly(file, importFrom(specifier), rule, 'Layering');
  });

  it.each([
    ['export-from', "export { thing } from '../main/window-state';\n"],
    ['export-all', "export * from '../main/window-state';\n"],
    ['type-only import', "import type { Thing } from '../main/window-state';\nexport type X = Thing;\n"],
    ['dynamic import()', "export const load = () => import('../main/window-state');\n"],
    ['require()', "export const thing = require('../main/window-state');\n"],
    ['typeof import() type', "export type X = typeof import('../main/window-state');\n"],
  ])('resolve every way of naming a module: core → main by %s', async (_form, code) => {
    await expectOnly('electron/core/x.ts', code, rule, 'Layering');
  });

  it('name the layer, the target and what is allowed', async () => {
    const [finding] = await findings('electron/core/services/x.ts', importFrom('../../main/window-state'));
    expect(finding!.message).toContain('electron/core/ may not import electron/main/window-state');
    expect(finding!.message).toContain('imports only electron/core, db, shared');
  });

  it.each([
    ['shared/contract/x.ts', '../domain/sla'],
    ['db/queries/x.ts', '../open-database'],
    ['db/x.ts', '../shared/contract'],
    ['electron/core/services/x.ts', '../../../db/queries/reviews'],
    ['electron/core/services/x.ts', '../../../shared/contract'],
    ['electron/core/services/x.ts', '../dispatch'],
    ['electron/main/x.ts', './window-state'],
    ['electron/main/x.ts', '../../shared/contract/errors'],
    ['electron/main/x.ts', '../core/http/static-files'],
    ['electron/main/x.ts', '../core/platform'],
    ['electron/main/x.ts', '../core/platform.js'],
    ['electron/main/x.ts', '../core/worker/messages'],
    ['electron/main/x.ts', '../core/services/evidence/evidence-response'],
    ['electron/preload/x.ts', '../../shared/contract'],
    ['renderer/src/x.ts', './api/client'],
    ['renderer/src/areas/inbox/x.tsx', '../../../../shared/contract'],
    ['tests/helpers/x.ts', '../../electron/core/services/reviews-service'],
    ['tests/e2e/x.ts', '../../electron/main/window-state'],
    ['tests/unit/x.ts', '../../renderer/src/api/client'],
    ['bench/x.ts', '../db/open-database'],
    ['bench/x.ts', '../electron/core/services/reviews-service'],
    ['electron.vite.config.ts', './electron/main/index'],
  ])('allow %s to import %s', async (file, specifier) => {
    expect(await ruleIds(file, importFrom(specifier))).toEqual([]);
  });

  it('let tests beside the code use tests/helpers, but not the code itself', async () => {
    const helper = importFrom('../../../tests/helpers/temp-dir');
    expect(await ruleIds('electron/core/services/x.test.ts', helper)).toEqual([]);
    expect(await ruleIds('db/queries/x.test.ts', importFrom('../../tests/helpers/temp-dir'))).toEqual([]);
    await expectOnly('electron/core/services/x.ts', helper, rule, 'Layering');
  });
});

describe('electron-imports: only electron/main and electron/preload load Electron', () => {
  const rule = 'reviewdesk/electron-imports';

  it.each([
    ['a dynamic import()', 'electron/core/x.ts', "export const load = () => import('electron');\n"],
    ['a template-literal import()', 'electron/core/x.ts', 'export const load = () => import(`electron`);\n'],
    ['require()', 'electron/core/x.ts', "export const electron = require('electron');\n"],
    ['TypeScript import = require()', 'db/x.ts', "import electron = require('electron');\nexport const x = electron;\n"],
    ['a subpath', 'electron/core/x.ts', "export { app } from 'electron/main';\n"],
    ['a type-only import', 'shared/x.ts', "import type { App } from 'electron';\nexport type X = App;\n"],
    ['a static import in tests/', 'tests/unit/x.ts', importElectron],
    ['a static import in bench/', 'bench/x.ts', importElectron],
    ['a dynamic import in the renderer', 'renderer/src/x.tsx', "export const load = () => import('electron');\n"],
    ['require() in the repo tooling', 'electron.vite.config.ts', "export const electron = require('electron');\n"],
  ])('fail on %s', async (_form, file, code) => {
    await expectOnly(file, code, rule, 'Layering');
  });

  it.each(['electron/main/x.ts', 'electron/preload/x.ts'])('allow every form in the shell (%s)', async (file) => {
    const code = "import { app } from 'electron';\nexport const a = app;\nexport const b = require('electron');\nexport const c = () => import('electron');\n";
    expect(await restrictedImports(file, code)).toBe(0);
  });

  it('tell packages that merely start with electron apart', async () => {
    expect(await ruleIds('electron/core/x.ts', importFrom('electron-updater'))).toEqual([]);
  });
});

describe('package-imports: shared/ and the renderer use only their allowlisted packages', () => {
  const rule = 'reviewdesk/package-imports';

  it.each([
    ['renderer/src/x.ts', 'fs/promises'],
    ['renderer/src/x.ts', 'events'],
    ['renderer/src/x.ts', 'kysely'],
    ['renderer/src/areas/inbox/x.tsx', 'zlib'],
    ['renderer/src/x.ts', 'better-sqlite3'],
    ['renderer/src/x.ts', 'node:path'],
    ['renderer/src/x.ts', 'yauzl'],
    ['renderer/src/x.ts', 'vitest'],
    ['renderer/src/x.ts', '@testing-library/react'],
    ['shared/x.ts', 'better-sqlite3'],
    ['shared/x.ts', 'kysely'],
    ['shared/contract/x.ts', 'fs/promises'],
    ['shared/x.ts', 'events'],
    ['shared/x.ts', 'react'],
    ['shared/x.ts', 'vitest'],
  ])('%s may not import %s', async (file, specifier) => {
    await expectOnly(file, importFrom(specifier), rule, 'Layering');
  });

  it('fail on require() and dynamic import() of a package too', async () => {
    await expectOnly('renderer/src/x.ts', "export const load = () => import('zlib');\n", rule, 'Layering');
    await expectOnly('shared/x.ts', "export const sqlite = require('better-sqlite3');\n", rule, 'Layering');
  });

  it('report electron in the renderer once, as an electron import', async () => {
    expect(await ruleIds('renderer/src/x.ts', importElectron)).toEqual(['reviewdesk/electron-imports']);
  });

  it.each([
    ['renderer/src/x.tsx', 'react'],
    ['renderer/src/x.tsx', 'react/jsx-runtime'],
    ['renderer/src/x.tsx', 'react-dom/client'],
    ['renderer/src/x.tsx', 'react-router'],
    ['renderer/src/x.tsx', '@mantine/core'],
    ['renderer/src/x.tsx', '@mantine/notifications'],
    ['renderer/src/x.tsx', '@mantine/core/styles.css'],
    ['renderer/src/x.tsx', '@tabler/icons-react'],
    ['renderer/src/x.tsx', '@tanstack/react-virtual'],
    ['renderer/src/x.ts', 'i18next'],
    ['renderer/src/x.ts', 'react-i18next'],
    ['renderer/src/x.ts', 'zod'],
    ['renderer/src/x.test.tsx', 'vitest'],
    ['renderer/src/x.test.tsx', '@testing-library/react'],
    ['renderer/src/x.test.ts', 'jsdom'],
    ['renderer/src/test/x.tsx', '@testing-library/react'],
    ['shared/x.ts', 'zod'],
    ['shared/x.test.ts', 'vitest'],
    ['db/x.ts', 'kysely'],
    ['electron/core/x.ts', 'node:fs/promises'],
    ['electron/main/x.ts', 'electron-updater'],
    ['tests/unit/x.ts', 'better-sqlite3'],
  ])('allow %s to import %s', async (file, specifier) => {
    expect(await ruleIds(file, importFrom(specifier))).toEqual([]);
  });
});

describe('no Node globals in the renderer', () => {
  const rule = 'no-restricted-globals';

  it.each([
    'export const mode = process.env.NODE_ENV;\n',
    "export const bytes = Buffer.from('x');\n",
    'export const load = require;\n',
    'export const here = __dirname;\n',
    'export const file = __filename;\n',
    'export const g = global;\n',
    'export const m = module;\n',
  ])('fail on %j', async (code) => {
    await expectOnly('renderer/src/x.ts', code, rule, 'Layering');
  });

  it('fail on process.env in a renderer area component', async () => {
    await expectOnly('renderer/src/areas/inbox/x.tsx', 'export const debug = process.env.DEBUG;\n', rule, 'Layering');
  });

  it('hold for plain JavaScript in the renderer too (where no-undef also objects)', async () => {
    expect(await ruleIds('renderer/src/x.js', 'export const debug = process.env.DEBUG;\n')).toContain(rule);
  });

  it('allow browser globals in the renderer and Node globals in the backend', async () => {
    expect(await ruleIds('renderer/src/x.ts', 'export const here = window.location.href + document.title;\n')).toEqual([]);
    expect(await ruleIds('electron/core/x.ts', 'export const mode = process.env.NODE_ENV + __dirname;\n')).toEqual([]);
  });
});

describe('area-imports: no renderer area imports another area', () => {
  const rule = 'reviewdesk/area-imports';

  it.each([
    ['renderer/src/areas/cases/x.tsx', '../inbox/badges/status-badge'],
    ['renderer/src/areas/inbox/detail/x.tsx', '../../cases/case-sla-section'],
    ['renderer/src/areas/evidence/x.tsx', '../inbox/list/review-row'],
    ['renderer/src/areas/cases/x.tsx', '../inbox'],
  ])('%s may not import %s', async (file, specifier) => {
    await expectOnly(file, importFrom(specifier), rule, 'Renderer areas');
  });

  it('fail on a dynamic import() of another area', async () => {
    await expectOnly('renderer/src/areas/team/x.tsx', "export const load = () => import('../settings/settings-screen');\n", rule, 'Renderer areas');
  });

  it.each([
    ['renderer/src/areas/cases/x.tsx', './sla/sla-countdown'],
    ['renderer/src/areas/inbox/list/x.tsx', '../badges/status-badge'],
    ['renderer/src/areas/cases/x.tsx', '../../components/page-header'],
    ['renderer/src/areas/cases/x.tsx', '../../../../shared/contract'],
    ['renderer/src/x.tsx', './areas/inbox/inbox-screen'],
    ['renderer/src/x.tsx', './areas/upcoming-area'],
  ])('allow %s to import %s', async (file, specifier) => {
    expect(await ruleIds(file, importFrom(specifier))).toEqual([]);
  });
});

describe('max-lines: files stay under 400 lines of code, tests under 600', () => {
  const rule = 'reviewdesk/max-lines';
  const codeLines = (count: number) => Array.from({ length: count }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';

  it('fail on a 401-line source file', async () => {
    await expectOnly('electron/core/services/x.ts', codeLines(401), rule, 'File size');
    await expectOnly('renderer/src/areas/inbox/x.tsx', codeLines(401), rule, 'File size');
  });

  it('allow 400 lines, not counting blank lines and comments', async () => {
    expect(await ruleIds('electron/core/services/x.ts', codeLines(400))).toEqual([]);
    const padded = `/**\n * Why this file exists.\n */\n\n// A note.\n${codeLines(400)}\n\n`;
    expect(await ruleIds('shared/x.ts', padded)).toEqual([]);
  });

  it.each(['electron/core/services/x.test.ts', 'renderer/src/x.test.tsx', 'tests/unit/x.ts', 'tests/helpers/x.ts', 'bench/x.ts'])(
    'allow 600 lines and fail on 601 in %s',
    async (file) => {
      expect(await ruleIds(file, codeLines(600))).toEqual([]);
      await expectOnly(file, codeLines(601), rule, 'File size');
    },
  );
});

describe('sync-transactions: no Kysely async transactions', () => {
  const rule = 'reviewdesk/sync-transactions';

  it.each([
    ['electron/core/services/x.ts', 'export const save = (db: any) => db.transaction().execute(async (trx: any) => trx);\n'],
    ['electron/core/services/x.ts', "export const save = (db: any) => db.transaction().setIsolationLevel('serializable').execute(async () => 1);\n"],
    ['db/queries/x.ts', 'export const save = (db: any) => db.startTransaction().execute();\n'],
    ['tests/unit/x.ts', 'export const save = (db: any) => db.transaction().execute(async () => 1);\n'],
  ])('fail in %s on %s', async (file, code) => {
    await expectOnly(file, code, rule, 'Transactions');
  });

  it('state the transaction rule', async () => {
    const [finding] = await findings('electron/core/x.ts', 'export const save = (db: any) => db.transaction().execute(async () => 1);\n');
    expect(finding!.message).toContain('every write transaction is synchronous');
    expect(finding!.message).toContain('db/transaction.ts');
  });

  it('allow db/transaction.ts and better-sqlite3 transactions', async () => {
    expect(await ruleIds('db/transaction.ts', 'export const save = (db: any) => db.transaction().execute(async () => 1);\n')).toEqual([]);
    const sync = 'export const save = (sqlite: any) => sqlite.transaction(() => 1)();\nexport const run = (q: any) => q.execute();\n';
    expect(await ruleIds('electron/core/services/x.ts', sync)).toEqual([]);
  });
});
