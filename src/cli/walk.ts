import { readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { familyFor } from '../core/detect';
import type { LanguageFamily } from '../core/types';

/** Folders never worth scanning: VCS internals and installed dependencies. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/**
 * Source files of languages the detectors do not read. Skipping them silently would let a Rust or
 * Swift project pass a CI scan unread, so the walk counts them and the scan says so (on stderr).
 */
const UNREAD_SOURCE = new Set([
  'rs', 'swift', 'scala', 'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'm', 'mm', 'ex', 'exs', 'erl', 'clj', 'lua',
  'pl', 'pm', 'r', 'sh', 'bash', 'ps1', 'vb', 'fs', 'groovy', 'hs', 'ml', 'jl', 'zig', 'vue', 'svelte', 'elm', 'cr', 'nim',
]);

/** What a walk found: the files to scan, and how many source files it passed over, by extension. */
export interface ScanTargets {
  readonly targets: ScanTarget[];
  /** `.rs` → 3, in first-seen order; files named explicitly are never counted (they are read). */
  readonly unread: ReadonlyMap<string, number>;
}

/** A file to scan. */
export interface ScanTarget {
  readonly absPath: string;
  /** Relative to the working directory, with forward slashes: how reports name it. */
  readonly file: string;
  readonly family: LanguageFamily;
  /** Named on the command line (so a binary one is worth a warning). */
  readonly explicit: boolean;
}

/** A PATH argument that does not exist: a usage error (exit 2), found before anything is scanned. */
export class MissingPathError extends Error {}

export function displayPath(absPath: string, cwd: string): string {
  return (path.relative(cwd, absPath) || '.').split(path.sep).join('/');
}

function extension(name: string): string {
  return path.extname(name).slice(1).toLowerCase();
}

function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

/**
 * The files to scan under the PATH arguments, in report order (by `file`), each once even when
 * reached twice. Folders are walked recursively without following symlinked folders (so symlink
 * loops cannot trap the walk); symlinked files are followed. In folders only files of a known
 * language family are taken; a file named explicitly is always taken (as text if unknown).
 * Problems below a PATH (unreadable folder, dangling symlink) go to `warn` and the walk goes on.
 */
export async function collectTargets(paths: readonly string[], cwd: string, warn: (message: string) => void): Promise<ScanTargets> {
  const roots = await Promise.all(
    paths.map(async (p) => {
      const absPath = path.resolve(cwd, p);
      try {
        return { p, absPath, stats: await stat(absPath) };
      } catch (e) {
        const why = reason(e);
        throw new MissingPathError(why === 'ENOENT' || why === 'ENOTDIR' ? `no such file or directory: ${p}` : `cannot access ${p} (${why})`);
      }
    }),
  );

  const seen = new Set<string>();
  const targets: ScanTarget[] = [];
  /** Real paths of unread source files met in folders, counted at the end unless also named. */
  const unreadFiles: string[] = [];
  const add = async (absPath: string, family: LanguageFamily, explicit: boolean, real?: string): Promise<void> => {
    // A pipe such as bash's <(...) (/dev/fd/63) has no real path; its own name identifies it.
    const key = real ?? (await realpath(absPath).catch(() => absPath));
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ absPath, file: displayPath(absPath, cwd), family, explicit });
  };

  for (const { absPath, stats } of roots) {
    if (!stats.isDirectory()) {
      await add(absPath, familyFor(undefined, absPath) ?? 'text', true);
      continue;
    }
    // Each stacked folder carries its real path, so files below it need no realpath call.
    const stack: { dir: string; real: string }[] = [{ dir: absPath, real: await realpath(absPath) }];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const { dir, real } = next;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        warn(`cannot read folder ${displayPath(dir, cwd)} (${reason(e)})`);
        continue;
      }
      // Sorted, so which of two paths to one file is reported does not depend on the file system.
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) stack.push({ dir: full, real: path.join(real, entry.name) });
          continue;
        }
        const family = familyFor(undefined, entry.name);
        if (!family) {
          if (UNREAD_SOURCE.has(extension(entry.name)) && (entry.isFile() || entry.isSymbolicLink())) unreadFiles.push(path.join(real, entry.name));
          continue;
        }
        if (entry.isFile()) await add(full, family, false, path.join(real, entry.name));
        else if (entry.isSymbolicLink()) {
          try {
            if ((await stat(full)).isFile()) await add(full, family, false);
          } catch (e) {
            warn(`cannot read ${displayPath(full, cwd)} (${reason(e)})`);
          }
        }
        // Sockets, FIFOs and devices inside folders are never read: a FIFO would block the scan.
      }
    }
  }
  const unread = new Map<string, number>();
  for (const file of unreadFiles) {
    if (seen.has(file)) continue;
    const ext = `.${extension(file)}`;
    unread.set(ext, (unread.get(ext) ?? 0) + 1);
  }
  return { targets: targets.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), unread };
}
