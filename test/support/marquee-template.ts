import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from '../../infra/lib/config';
import { MarqueeStack } from '../../infra/lib/marquee-stack';
import { projectPath } from '../../infra/lib/paths';

/** The context `npm run synth` uses (feature flags and Marquee settings from cdk.json). */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(projectPath('cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface SynthOptions {
  readonly context?: Record<string, unknown>;
  /** Run the AwsSolutions pack as `npm run synth` does. */
  readonly nag?: boolean;
  /** A built client to deploy to the site bucket; by default there is none. */
  readonly clientDistDir?: string;
}

/** A stand-in for `client/dist` after `npm run build`: with it the stack has the site's BucketDeployment. */
export const BUILT_CLIENT_FIXTURE = projectPath('test', 'fixtures', 'client-dist');

/** The real Marquee stack, synthesized without bundling Lambdas (fast; no esbuild runs for functions). */
export function synthMarquee(options: SynthOptions = {}): {
  app: App;
  stack: MarqueeStack;
  template: Template;
} {
  const app = new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...options.context },
  });
  const stack = new MarqueeStack(app, 'Marquee', {
    config: readConfig(app.node),
    clientDistDir: options.clientDistDir ?? '/nonexistent/client/dist',
  });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, template: Template.fromStack(stack) };
}
