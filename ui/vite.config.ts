import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';

/**
 * main.ts imports the UI (src/start.ts) dynamically, after asking for the workspace. This lists
 * that script and its styles in index.html too, so they download with the entry instead of
 * after it has run.
 */
function preloadStart(): Plugin {
  return {
    name: 'trustgap-preload-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle ?? {};
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const start = chunks.find((c) => c.facadeModuleId?.endsWith('/src/start.ts'));
        if (!start) throw new Error('the src/start.ts chunk is missing');
        // The script, the chunks it imports (not the entry, already loading), and their styles.
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string): void => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || chunk.isEntry || scripts.has(fileName)) return;
          scripts.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        visit(start.fileName);
        const link = (rel: string, file: string) => ({
          tag: 'link',
          attrs: { rel, crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        });
        return [...[...scripts].map((f) => link('modulepreload', f)), ...[...styles].map((f) => link('stylesheet', f))];
      },
    },
  };
}

// The UI is served by Tauri's custom protocol from ui/dist; the dev server is only for
// `--no-default-features` hot reload.
export default defineConfig({
  plugins: [svelte(), svelteTesting(), preloadStart()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: 'safari16',
    outDir: 'dist',
    emptyOutDir: true,
    // Inline assets would need `data:` in the CSP; keep them as files.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // The generated bindings import @tauri-apps/api's event and window modules for types and
      // helpers we never call; that package does not declare itself free of side effects, so
      // without this ~20 KB of unused window code would be parsed at every start.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]@tauri-apps[\\/]api[\\/]/.test(id),
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
