/** The overall readiness deadline: `APPSYNC_TWIN_READY_TIMEOUT_MS` or 5 minutes. */
export function readinessDeadlineMs(env?: NodeJS.ProcessEnv): number;
