import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { validateResolverTable } from '../../infra/lib/appsync/validate-resolvers';
import { BUILT_CLIENT_FIXTURE, synthMarquee } from '../support/marquee-template';

describe('cdk-nag AwsSolutions', () => {
  // The first synth of the file bundles every function (five, with the media pipeline's) on a shared machine.
  it('passes on the Marquee stack with only the written acknowledgements', { timeout: 300_000 }, () => {
    const { app } = synthMarquee({ nag: true });
    expect(() => app.synth()).not.toThrow();
  });

  it('passes with a built client: the site deployment (a CDK-written Lambda) is acknowledged finding by finding', () => {
    const { app, template } = synthMarquee({ nag: true, clientDistDir: BUILT_CLIENT_FIXTURE });
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
    expect(() => app.synth()).not.toThrow();
  });

  it('is really checking: an unencrypted, unlogged bucket fails synth', () => {
    const app = new App();
    const stack = new Stack(app, 'Bad');
    new s3.Bucket(stack, 'Open', { enforceSSL: false });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow();
  });
});

describe('resolver table validation', () => {
  it('rejects a resolver for a field the schema does not have', () => {
    expect(() =>
      validateResolverTable([{ typeName: 'Query', fieldName: 'nope', dataSource: 'none' }]),
    ).toThrow(/field nope is not in type Query/);
  });

  it('rejects a field with two resolvers', () => {
    const spec = { typeName: 'Query', fieldName: 'me', dataSource: 'users' } as const;
    expect(() => validateResolverTable([spec, spec])).toThrow(/more than one resolver/);
  });
});
