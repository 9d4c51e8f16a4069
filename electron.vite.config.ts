import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { normalizePath, type Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The window opens on the inbox (renderer/src/main.tsx): its chunks are fetched and compiled
 * alongside the entry instead of only once the entry has run.
 */
function preloadFirstScreen(screen: string): Plugin {
  return {
    name: 'reviewdesk:preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const first = chunks.find((chunk) => chunk.facadeModuleId === normalizePath(screen));
        if (!first) throw new Error(`no chunk for ${screen}`);
        const entry = chunks.find((chunk) => chunk.isEntry);
        const own = chunks.filter((chunk) => chunk === first || (first.imports.includes(chunk.fileName) && chunk !== entry && !entry?.imports.includes(chunk.fileName)));
        // Its styles as plain stylesheets: the dynamic import then finds them in place instead of
        // adding them and waiting for them before it resolves.
        const styles = own.flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])]);
        return [
          ...own.map((chunk) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' as const })),
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Bundled rather than resolved file by file from node_modules at every start (kysely, zod,
      // file-type and music-metadata are hundreds of small ES modules). better-sqlite3 is native
      // and electron-updater only runs in the Electron main process: both stay external.
      externalizeDeps: { exclude: ['kysely', 'zod', 'file-type', 'image-size', 'music-metadata', 'iconv-lite', 'yauzl'] },
      // Several Node entries share one bundle graph: the Electron main process, the core running
      // in a utilityProcess, the HTTP adapter used by the browser harness and e2e, and the CLI.
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'core-worker': resolve(root, 'electron/core/worker/core-worker.ts'),
          serve: resolve(root, 'electron/core/http/serve.ts'),
          cli: resolve(root, 'electron/core/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be a CommonJS script.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    build: {
      // electron-vite leaves the renderer unminified by default; every start parses this code.
      minify: true,
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        output: {
          codeSplitting: {
            groups: [
              // Everything the window needs before any area: one file.
              { name: 'shell', tags: ['$initial'], priority: 2 },
              // What the areas share and the shell does not (tables, tabs, badges, inputs) in one
              // chunk instead of dozens of small ones requested one by one on the first screen.
              { name: 'areas-shared', minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
    plugins: [react(), preloadFirstScreen(resolve(root, 'renderer/src/areas/inbox/inbox-screen.tsx'))],
  },
});
