import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a function's layers are found locally: the folders Lambda's /opt paths stand for, per layer. */
export interface LayerLayout {
  /** The layers' asset folders (what AWS extracts into /opt). */
  readonly layerRoots: readonly string[];
  /** `nodejs/node<major>/node_modules`, then `nodejs/node_modules`: NODE_PATH's /opt entries. */
  readonly moduleDirs: readonly string[];
  /** `bin` folders: PATH's /opt/bin. */
  readonly binDirs: readonly string[];
  /** `lib` folders: LD_LIBRARY_PATH's /opt/lib. */
  readonly libDirs: readonly string[];
}

/**
 * AWS extracts a function's layers into /opt in the order listed, a later layer's file replacing an earlier
 * one's. The twin cannot mount /opt, so each layer stays in its asset folder and every search list names
 * the later layer first: a package or an executable is taken whole from the last layer that has it. That
 * differs from AWS only when two layers ship different files of one package (AWS would mix them). The
 * module folders use the function's declared runtime (`nodejs22.x` → `node22`), as AWS does.
 */
export function layerLayout(layers: readonly string[], runtime: string | undefined): LayerLayout {
  const major = /^nodejs(\d+)/.exec(runtime ?? '')?.[1] ?? process.versions.node.split('.')[0];
  const lastFirst = [...layers].reverse();
  const existing = (...relative: string[][]): string[] =>
    relative
      .flatMap((parts) => lastFirst.map((root) => path.join(root, ...parts)))
      .filter((dir) => existsSync(dir));
  return {
    layerRoots: layers,
    moduleDirs: existing(['nodejs', `node${major}`, 'node_modules'], ['nodejs', 'node_modules']),
    binDirs: existing(['bin']),
    libDirs: existing(['lib']),
  };
}

/**
 * PATH, LD_LIBRARY_PATH and NODE_PATH as Lambda sets them, with the layers' folders where /opt/… would be
 * (/opt/bin and /opt/lib come last on AWS, NODE_PATH's /opt entries first).
 */
export function layerEnvironment(layout: LayerLayout): Record<string, string> {
  const joined = (dirs: readonly string[]): string => dirs.join(path.delimiter);
  return {
    PATH: joined(['/usr/local/bin', '/usr/bin', '/bin', ...layout.binDirs]),
    ...(layout.libDirs.length > 0 ? { LD_LIBRARY_PATH: joined(layout.libDirs) } : {}),
    ...(layout.moduleDirs.length > 0 ? { NODE_PATH: joined(layout.moduleDirs) } : {}),
  };
}
