// npm run build, second step: the compiled modules of dist/ joined into one script,
// dist/psg.cjs, that bin/psg.js compiles with a V8 code cache (see src/boot.ts). Node 20 has
// no compile cache for ES modules, and finding, reading and compiling the 85 modules a
// command loads is about a tenth of a run of list on a large archive, every time.
//
// Each module's `import.meta.url` becomes its own file's URL in dist/, so that what it finds
// beside itself (worker threads, the data folder, the native helper) is found as before. The
// worker threads and the packages loaded by path (yaml, better-sqlite3) stay as they are.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

const moduleUrls = {
  name: 'module-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const rel = relative(dist, args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `__psgModuleUrl(${JSON.stringify(rel)})`), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [join(dist, 'start.js')],
  outfile: join(dist, 'psg.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // No import() left in the script: the vm.Script that runs it (src/boot.ts) has no module
  // loader of its own once its code comes from the cache, so packages left out are required.
  supported: { 'dynamic-import': false },
  // Loaded from node_modules as they are: a native addon, and CommonJS packages only a few
  // commands need (mail, the language server, --fix's YAML, diffs, an editor's encodings),
  // which would make every command's script twice as long.
  external: ['better-sqlite3', 'nodemailer', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument', 'yaml', 'diff', 'iconv-lite', 'chardet'],
  plugins: [moduleUrls],
  // The script runs with dist/ as its __dirname (see src/boot.ts).
  banner: { js: "const __psgModuleUrl = (path) => require('node:url').pathToFileURL(require('node:path').join(__dirname, path)).href;" },
  logLevel: 'warning',
});
