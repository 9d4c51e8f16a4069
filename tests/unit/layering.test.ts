import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints virtual files placed in each layer, so the layering rules themselves are tested: a rule
// that silently stopped matching would let a wrong import through `npm test`.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

const importElectron = "import { app } from 'electron';\nexport const x = app;\n";

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
