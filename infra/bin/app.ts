import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from '../lib/config';
import { MarqueeStack } from '../lib/marquee-stack';

const app = new App();
const config = readConfig(app.node);
// Environment-agnostic on purpose: synth works offline, with no credentials.
new MarqueeStack(app, 'Marquee', {
  config,
  description: `Marquee streaming app (${config.stage})`,
});
// AwsSolutions findings fail synth unless acknowledged with a written reason (see infra/lib/nag.ts).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
