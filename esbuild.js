// Builds every bundle of the project with esbuild.
//   node esbuild.js               extension (Node + web) and CLI
//   node esbuild.js --production  the same, minified, no source maps
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also the unit, extension-host, UI, bench and fuzz test bundles
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');

// perf: jsonc-parser's `main` is a UMD build that esbuild cannot follow (it fails at run time with
// "Cannot find module './impl/format'"); its ESM `module` build bundles cleanly.
const mainFields = ['module', 'main'];

const common = {
  bundle: true,
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  mainFields,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Every `*.test.ts` below a folder, as entry points. */
function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, f.name);
    if (f.isDirectory()) out.push(...testEntries(p));
    else if (/\.test\.ts$/.test(f.name)) out.push(p);
  }
  return out;
}

function existing(...files) {
  return files.filter((f) => fs.existsSync(f));
}

// perf: the desktop bundle reads the catalog's data from dist/catalog.json on first use instead of
// carrying ~55 KB of prose in the code loaded at activation. The web and CLI bundles keep it inline.
const CATALOG_SPECS = path.resolve('src/core/catalog/specs.ts');
const catalogFromJson = {
  name: 'catalog-from-json',
  setup(build) {
    build.onResolve({ filter: /\/specs$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
      return resolved === CATALOG_SPECS ? { path: path.resolve('src/vscode/node/catalogSpecs.ts') } : undefined;
    });
    // Every build of the desktop bundle (watch rebuilds too) writes the data it will read.
    build.onEnd(() => writeCatalogJson());
  },
};

/**
 * A plugin for the desktop bundle: imports of `module` from src/vscode resolve to `standIn`, which
 * requires the module's own bundle from dist/ the first time it is called (a path computed at run time).
 */
function loadedOnFirstUse(name, filter, module, standIn, importers = 'src/vscode') {
  const target = path.resolve(module);
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) => {
        const base = path.resolve(args.resolveDir, args.path);
        const hit = [`${base}.ts`, path.join(base, 'index.ts')].includes(target) && args.resolveDir.startsWith(path.resolve(importers));
        return hit ? { path: path.resolve(standIn) } : undefined;
      });
    },
  };
}

// perf: the desktop bundle loads the title lint from dist/lint.js on first use: it lints source, SQL
// and JSON files only, and activation never needs it. The same for the reader of a log line's error
// object (hover in logs) and its JSON tokenizer (jsonc-parser): dist/payload.js.
const lintOnFirstUse = loadedOnFirstUse('lint-on-first-use', /\/lint$/, 'src/core/lint/index.ts', 'src/vscode/node/lazyLint.ts');
const payloadOnFirstUse = loadedOnFirstUse('payload-on-first-use', /\/payload$/, 'src/core/detect/payload.ts', 'src/vscode/node/lazyPayload.ts');
// (and the detector of codes in source code, which the core's scanCodes and rescanCodes call: dist/source.js)
const sourceOnFirstUse = loadedOnFirstUse('source-on-first-use', /\/source$/, 'src/core/detect/source.ts', 'src/vscode/node/lazySource.ts', 'src/core/detect');

/** Writes dist/catalog.json from the same data files the other bundles inline. */
async function writeCatalogJson() {
  const out = await esbuild.build({ entryPoints: [CATALOG_SPECS], bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'silent' });
  const mod = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  fs.mkdirSync('dist', { recursive: true });
  fs.writeFileSync('dist/catalog.json', JSON.stringify(mod.exports.builtinSpecs()));
}

const builds = [
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    outfile: 'dist/extension.js',
    plugins: [catalogFromJson, lintOnFirstUse, payloadOnFirstUse, sourceOnFirstUse],
  },
  {
    ...common,
    entryPoints: ['src/core/detect/source.ts'],
    platform: 'node',
    target: 'node20',
    outfile: 'dist/source.js',
  },
  {
    ...common,
    entryPoints: ['src/core/detect/payload.ts'],
    platform: 'node',
    target: 'node20',
    outfile: 'dist/payload.js',
  },
  {
    ...common,
    entryPoints: ['src/core/lint/index.ts'],
    platform: 'node',
    target: 'node20',
    outfile: 'dist/lint.js',
    plugins: [catalogFromJson],
  },
  {
    ...common,
    entryPoints: ['src/vscode/extension.web.ts'],
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    outfile: 'dist/web/extension.js',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    platform: 'node',
    target: 'node20',
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (withTests) {
  const testCommon = { ...common, minify: false, sourcemap: 'inline', platform: 'node', target: 'node20', outbase: '.', outdir: 'out' };
  builds.push(
    { ...testCommon, entryPoints: testEntries('test/unit') },
    { ...testCommon, entryPoints: [...existing('test/integration/index.ts'), ...testEntries('test/integration')], external: ['vscode', 'mocha'] },
    { ...testCommon, entryPoints: [...existing('test/ui/ui.ts'), ...testEntries('test/ui')], external: ['playwright-core'] },
    { ...testCommon, entryPoints: existing('test/bench/bench.ts', 'test/fuzz/fuzz.ts') },
    { ...testCommon, entryPoints: existing('test/bench/exthost/index.ts'), external: ['vscode'] },
  );
  const web = existing('test/web/index.ts');
  if (web.length) {
    builds.push({ ...common, minify: false, sourcemap: false, entryPoints: web, platform: 'browser', target: 'es2022', external: ['vscode'], outfile: 'out/test/web/index.js' });
  }
}

async function main() {
  // A test bundle whose source was renamed or deleted must not keep running from a stale out/.
  if (withTests && !watch) fs.rmSync('out', { recursive: true, force: true });
  const active = builds.filter((b) => b.entryPoints.length > 0);
  if (watch) {
    for (const b of active) {
      const ctx = await esbuild.context(b);
      await ctx.watch();
    }
    console.log('[watch] esbuild is watching for changes');
    return;
  }
  await Promise.all(active.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
