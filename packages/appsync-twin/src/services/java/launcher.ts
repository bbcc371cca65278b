import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { twinCacheDir } from '../../cache-dir';

const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(here, 'DdbLocalLoopback.java');
const DEFAULT_CACHE = twinCacheDir('ddb-launcher');
export const LAUNCHER_CLASS = 'DdbLocalLoopback';

export interface LauncherOptions {
  /** The `java` to compile with (default: `java` on the PATH). */
  readonly java?: string;
  /** `java -version` output: a different Java gets its own compiled copy. */
  readonly javaVersion: string;
  readonly cacheDir?: string;
}

/**
 * The classpath folder holding the compiled loopback launcher, compiled once per source and Java version.
 * It is compiled by running javac's main class inside `java` itself (`-m jdk.compiler/…`), so a Java
 * runtime without the `javac` program is enough: the `jdk.compiler` module ships in full JREs such as
 * Debian's openjdk-17-jre-headless (only jlink-trimmed runtimes leave it out). Source-file mode
 * (`java DdbLocalLoopback.java`) would need the same module and compile on every start (about 4 s).
 */
export function launcherClasspath(options: LauncherOptions): string {
  const source = readFileSync(SOURCE);
  const key = createHash('sha256').update(source).update(options.javaVersion).digest('hex').slice(0, 16);
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE;
  const target = path.join(cacheDir, key);
  if (existsSync(path.join(target, `${LAUNCHER_CLASS}.class`))) return target;

  mkdirSync(cacheDir, { recursive: true });
  // Compiled beside the cache and renamed into place: two twins starting at once never see half a class.
  const scratch = mkdtempSync(path.join(cacheDir, 'compiling-'));
  try {
    const result = spawnSync(
      options.java ?? 'java',
      ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '-d', scratch, SOURCE],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(compileFailure(`${result.stderr}${result.error ?? ''}`));
    try {
      renameSync(scratch, target);
    } catch (error) {
      // Another process renamed its copy first; theirs is the same class.
      if (!existsSync(path.join(target, `${LAUNCHER_CLASS}.class`))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return target;
}

function compileFailure(output: string): string {
  const missingCompiler = /jdk\.compiler not found/.test(output);
  return missingCompiler
    ? 'This Java runtime has no jdk.compiler module (a trimmed, jlink-made runtime), which the twin needs once ' +
        'to compile its DynamoDB Local launcher. Install a full Java runtime, e.g. ' +
        '`apt-get install -y openjdk-17-jre-headless`, or any JDK.'
    : `Could not compile the DynamoDB Local launcher:\n${output.trim()}`;
}
