#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/better_sqlite3.node, WITHOUT touching
 * node_modules: tests, the CLI, the server and the browser host keep using node_modules' Node build, main passes
 * this file as `nativeBinding`. So `npm start` and `npm test` work in either order from a fresh clone.
 *
 * Why not electron-rebuild / install-app-deps: they rebuild node_modules in place (breaking the Node side), and
 * with npm_config_nodedir set they "succeed" while compiling against Node's headers. Here the package is
 * copied to a temp dir, node-gyp runs there against Electron's headers, and the result's ABI is verified.
 *
 * Exit 0 with a message when Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD machines).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable, or null when only the npm package (types, no binary) is installed. */
export function findElectronBinary(root = ROOT) {
  try {
    const electronPath = createRequire(join(root, 'package.json'))('electron');
    return typeof electronPath === 'string' && existsSync(electronPath) ? electronPath : null;
  } catch {
    // node_modules/electron/index.js throws when path.txt is missing, i.e. the download was skipped.
    return null;
  }
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function electronInfo(root = ROOT) {
  const dir = join(root, 'node_modules', 'electron');
  const version = readJson(join(dir, 'package.json')).version;
  const abiFile = join(dir, 'abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null;
  return { version, abi };
}

export function electronBindingPath(version, root = ROOT) {
  return join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
}

/** A Node addon records its ABI in the exported symbol node_register_module_v<ABI>. */
function hasAbi(binaryPath, abi) {
  return readFileSync(binaryPath).includes(Buffer.from(`node_register_module_v${abi}`));
}

/**
 * @returns {{ status: 'no-electron' } | { status: 'cached' | 'built', path: string, version: string }}
 */
export function ensureElectronSqlite({ root = ROOT, log = console.log } = {}) {
  const electronBinary = findElectronBinary(root);
  if (!electronBinary) {
    log(
      'Electron is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, no binary): skipping the ' +
        'better-sqlite3 build for Electron. Tests, CLI, server and browser host use the Node build in node_modules.',
    );
    return { status: 'no-electron' };
  }
  const { version, abi } = electronInfo(root);
  const target = electronBindingPath(version, root);
  if (existsSync(target) && (!abi || hasAbi(target, abi))) {
    log(`better-sqlite3 for Electron ${version} is already built: ${target}`);
    return { status: 'cached', path: target, version };
  }

  log(`Building better-sqlite3 for Electron ${version} (about 1-2 minutes, once)…`);
  const work = mkdtempSync(join(tmpdir(), 'claimdesk-sqlite-'));
  try {
    const pkgDir = join(work, 'better-sqlite3');
    // build/ holds the Node binary and its intermediates: copy everything else.
    cpSync(join(root, 'node_modules', 'better-sqlite3'), pkgDir, {
      recursive: true,
      filter: (src) => !src.startsWith(join(root, 'node_modules', 'better-sqlite3', 'build')),
    });
    const nodeGyp = createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
    const env = { ...process.env };
    // npm_config_nodedir (set on the build machines for the Node build) would silently win over --target.
    delete env.npm_config_nodedir;
    delete env.NPM_CONFIG_NODEDIR;
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      `--devdir=${join(root, '.native', 'headers')}`,
    ];
    const result = spawnSync(process.execPath, args, { cwd: pkgDir, env, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`node-gyp failed with exit code ${result.status ?? result.signal}`);

    const built = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    if (abi && !hasAbi(built, abi)) throw new Error(`the built binary is not for Electron's ABI ${abi}; refusing to use it`);
    mkdirSync(dirname(target), { recursive: true });
    // Copy then rename: a half-written .node file must never be picked up by main.
    copyFileSync(built, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
    log(`Built ${target}`);
    return { status: 'built', path: target, version };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    ensureElectronSqlite();
  } catch (error) {
    console.error(`Could not build better-sqlite3 for Electron: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
