import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';

export type Tool = 'ffmpeg' | 'ffprobe';

/**
 * The layer puts static builds at /opt/bin (docs/api.md, "ffmpeg"). Locally the layer may be empty: then
 * FFMPEG_PATH/FFPROBE_PATH when set, else the tool on PATH (Debian's package).
 */
export function toolPath(tool: Tool): string {
  const fromEnv = process.env[tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH'];
  if (fromEnv) return fromEnv;
  const fromLayer = `/opt/bin/${tool}`;
  return existsSync(fromLayer) ? fromLayer : tool;
}

export class ToolError extends Error {
  constructor(
    readonly tool: Tool,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${tool} failed (exit ${String(exitCode)}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
}

type ToolRunObserver = (tool: Tool, args: readonly string[]) => void;
const observers = new Set<ToolRunObserver>();

/** Tells `observer` of every tool this process runs from now on (how a test counts encodes); returns the stop. */
export function observeToolRuns(observer: ToolRunObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/**
 * Runs a tool with an argument array (never a shell string) and a time limit: the input is untrusted, and a
 * hostile file must not hang the function until its own timeout.
 */
export function runTool(tool: Tool, args: readonly string[], timeoutMs = 600_000): Promise<string> {
  for (const observer of observers) observer(tool, args);
  return new Promise((resolve, reject) => {
    const child = execFile(
      toolPath(tool),
      ['-hide_banner', '-nostdin', ...args].filter((arg) => tool === 'ffmpeg' || arg !== '-nostdin'),
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          const code = typeof error.code === 'number' ? error.code : null;
          reject(new ToolError(tool, code, stderr || error.message));
        } else resolve(stdout);
      },
    );
    yieldToRequests(child.pid);
  });
}

/** How far below normal priority encodes run (nice 10: about a tenth of a core's share against nice 0). */
const BATCH_NICENESS = 10;

/**
 * Encoding is batch work. On AWS the function has its sandbox to itself and this changes nothing; locally it
 * shares a laptop's or a CI runner's cores with the API, DynamoDB Local and the browser, and a title's
 * encodes at normal priority starve them until other Lambdas (search indexing, presigning) hit their
 * timeouts. Raising one's own process's niceness needs no privilege; if it fails the encode still runs.
 */
function yieldToRequests(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, BATCH_NICENESS);
  } catch {
    // The process may already have ended (a probe of a tiny file).
  }
}
