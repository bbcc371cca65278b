import { projectPath } from '../paths';
import {
  PIPELINE_FUNCTIONS,
  type DataSourceName,
  type PipelineFunctionName,
  type ResolverSpec,
} from './resolver-table';
import { pipelineFunctionFile, resolverFile } from './validate-resolvers';

/** One function of a pipeline resolver as deployed: its AppSync name, code file and data source. */
export interface PlannedStep {
  readonly name: string;
  readonly codeFile: string;
  readonly dataSource: DataSourceName;
}

/** What the CDK stack deploys for one resolver spec. */
export type ResolverPlan =
  | { readonly kind: 'unit'; readonly codeFile: string; readonly dataSource: DataSourceName }
  | { readonly kind: 'pipeline'; readonly codeFile: string; readonly steps: readonly PlannedStep[] };

export const SESSION_CHECK: PipelineFunctionName = 'checkSession';

/** Resolver code of a unit resolver that runs as a step after the session check. */
export const PASS_THROUGH_FILE = projectPath('resolvers', 'lib', 'pass-through.ts');

function sharedStep(name: PipelineFunctionName): PlannedStep {
  return { name, codeFile: pipelineFunctionFile(name), dataSource: PIPELINE_FUNCTIONS[name] };
}

/**
 * A spec whose code cannot carry the session check gets a `checkSession` step in front: a pipeline keeps its
 * steps after it; a unit resolver's code becomes the step after it, under a pass-through resolver.
 */
export function planResolver(spec: ResolverSpec): ResolverPlan {
  const checked = spec.session !== undefined;
  if (spec.pipeline) {
    const steps = (checked ? [] : [SESSION_CHECK]).concat(spec.pipeline).map(sharedStep);
    return { kind: 'pipeline', codeFile: resolverFile(spec), steps };
  }
  const dataSource = spec.dataSource as DataSourceName;
  if (checked) return { kind: 'unit', codeFile: resolverFile(spec), dataSource };
  const ownStep: PlannedStep = {
    name: `${spec.typeName}_${spec.fieldName}`,
    codeFile: resolverFile(spec),
    dataSource,
  };
  return { kind: 'pipeline', codeFile: PASS_THROUGH_FILE, steps: [sharedStep(SESSION_CHECK), ownStep] };
}
