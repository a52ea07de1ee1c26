import type { Plugin, Rollup } from 'vite';

type RollupLog = Rollup.RollupLog;

/**
 * Drops Rollup's INVALID_ANNOTATION notices about comments inside third-party packages (zod's
 * sources carry `@__PURE__` in prose comments): we cannot fix them and Rollup only removes the
 * comment. Every other warning, and any about our own code, is still printed.
 */
export function onRendererBuildWarning(warning: RollupLog, print: (warning: RollupLog) => void): void {
  if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]/.test(warning.id ?? '')) return;
  print(warning);
}

/**
 * The renderer's entry (src/start-up.ts) is small and loads the app with a dynamic import, so it
 * sends the start-up calls while the rest is still arriving. This adds a `modulepreload` link to
 * index.html for every chunk that import needs, so the browser fetches (and compiles) them at
 * once, side by side with the entry, instead of only once the entry has run.
 */
export function preloadEntryImports(): Plugin {
  let base = '/';
  return {
    name: 'qbr:preload-entry-imports',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const entry = context.chunk;
        const bundle = context.bundle;
        if (!entry || !bundle) return html;
        const chunks = firstScreenChunks(bundle, entry);
        const scripts = chunks.map((chunk) => chunk.fileName);
        const styles = new Set(chunks.flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])]));
        const link = (rel: string, fileName: string) => ({ tag: 'link', attrs: { rel, crossorigin: true, href: `${base}${fileName}` }, injectTo: 'head' as const });
        // Async: a deferred module script waits until every stylesheet has loaded; the entry only sends calls.
        const entryTag = `<script type="module" crossorigin src="${base}${entry.fileName}">`;
        if (!html.includes(entryTag)) throw new Error(`preloadEntryImports: index.html has no ${entryTag}`);
        return {
          html: html.replace(entryTag, `<script type="module" async crossorigin src="${base}${entry.fileName}">`),
          // The app's own stylesheets too: the dynamic import would otherwise only ask for them once the entry runs.
          tags: [...[...styles].map((fileName) => link('stylesheet', fileName)), ...scripts.map((fileName) => link('modulepreload', fileName))],
        };
      },
    },
  };
}

/** The chunks the entry's dynamic import needs, the entry apart: the app the first screen runs. */
function firstScreenChunks(bundle: Rollup.OutputBundle, entry: Rollup.OutputChunk): Rollup.OutputChunk[] {
  const found = new Map<string, Rollup.OutputChunk>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || fileName === entry.fileName || found.has(fileName)) return;
    found.set(fileName, chunk);
    chunk.imports.forEach(visit);
  };
  entry.dynamicImports.forEach(visit);
  return [...found.values()];
}

/** V8's explicit compile hint: compile every function of the file eagerly, on a background thread while it streams in. */
const COMPILE_EAGERLY_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Marks the chunks the first screen runs (the entry and what preloadEntryImports preloads) with V8's compile
 * hint (Chromium 136+, so Electron 36+). Without it V8 compiles each function lazily on the main
 * thread when it is first called, and almost every function in these chunks is called before the
 * first rows paint: about 25-30 ms of the first paint on a two-core laptop (fresh loads of the
 * 2,000-account workspace, interleaved). Chunks loaded later keep lazy compilation.
 */
export function compileFirstScreenEagerly(): Plugin {
  return {
    name: 'qbr:compile-first-screen-eagerly',
    apply: 'build',
    generateBundle: {
      // After Vite's own, which rewrites the chunks' preload lists.
      order: 'post',
      handler(_options, bundle) {
        const entry = Object.values(bundle).find((item): item is Rollup.OutputChunk => item.type === 'chunk' && item.isEntry);
        if (!entry) return;
        for (const chunk of [entry, ...firstScreenChunks(bundle, entry)]) {
          chunk.code = `${COMPILE_EAGERLY_HINT}\n${chunk.code}`;
          // The hint takes the first line: a source map's lines move down one.
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
        }
      },
    },
  };
}
