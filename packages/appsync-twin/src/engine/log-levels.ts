import type { FieldLogLevel } from '../assembly/api-model';

/** The levels of `console.*` inside APPSYNC_JS: `log` and `info` are INFO. */
export type ConsoleLevel = 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';

/**
 * Which resolver `console.*` lines an API's `FieldLogLevel` keeps (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_appsync.FieldLogLevel.html:
 * ERROR only errors, INFO info and errors, DEBUG and ALL everything). AWS names no WARN level; `console.warn`
 * is kept with INFO here, the safe reading for a developer who wrote it.
 */
export function consoleLevelsFor(level: FieldLogLevel): readonly ConsoleLevel[] {
  switch (level) {
    case 'NONE':
      return [];
    case 'ERROR':
      return ['ERROR'];
    case 'INFO':
      return ['ERROR', 'WARN', 'INFO'];
    case 'DEBUG':
    case 'ALL':
      return ['ERROR', 'WARN', 'INFO', 'DEBUG'];
  }
}
