// Plain JavaScript on purpose: vitest.config.ts (and any tool config that Node loads without a TypeScript
// loader) reads the readiness deadline from here through `appsync-twin/readiness-deadline`.

const DEFAULT_DEADLINE_MS = 300_000;

/**
 * The overall readiness deadline: `APPSYNC_TWIN_READY_TIMEOUT_MS` or 5 minutes. Generous on purpose: a busy
 * machine makes start-up slow, not wrong, and a process that is dead or stuck is caught much sooner.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {number}
 */
export function readinessDeadlineMs(env = process.env) {
  const configured = Number(env.APPSYNC_TWIN_READY_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_DEADLINE_MS;
}
