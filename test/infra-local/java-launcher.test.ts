import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAUNCHER_CLASS, launcherClasspath } from 'appsync-twin/testing';

const scratch = mkdtempSync(path.join(tmpdir(), 'marquee-java-launcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An executable shell script in the scratch folder. */
function script(name: string, body: string): string {
  const file = path.join(scratch, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('the DynamoDB Local launcher', () => {
  it('compiles with `java` alone: a javac on the PATH is never run', () => {
    const ran = path.join(scratch, 'javac-ran');
    const poisonDir = path.dirname(script('bin/javac', `touch ${ran}; exit 3`));
    const previousPath = process.env.PATH;
    process.env.PATH = `${poisonDir}${path.delimiter}${previousPath}`;
    try {
      const cacheDir = path.join(scratch, 'cache');
      const classpath = launcherClasspath({ javaVersion: 'test', cacheDir });
      expect(existsSync(path.join(classpath, `${LAUNCHER_CLASS}.class`))).toBe(true);
      expect(existsSync(ran)).toBe(false);
      // Cached per Java version.
      expect(launcherClasspath({ javaVersion: 'test', cacheDir })).toBe(classpath);
      expect(launcherClasspath({ javaVersion: 'other', cacheDir })).not.toBe(classpath);
    } finally {
      process.env.PATH = previousPath;
    }
  });

  it('says what to install when the Java runtime has no compiler module', () => {
    const trimmedJava = script(
      'trimmed-java',
      'echo "java.lang.module.FindException: Module jdk.compiler not found" >&2; exit 1',
    );
    expect(() =>
      launcherClasspath({ java: trimmedJava, javaVersion: 'trimmed', cacheDir: path.join(scratch, 'c2') }),
    ).toThrow(/no jdk\.compiler module.*openjdk-17-jre-headless/s);
  });
});
