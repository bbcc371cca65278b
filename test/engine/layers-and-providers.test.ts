import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readStackModel,
  resourcesOfType,
  type StackModel,
  functionLayers,
  provideLayers,
} from 'appsync-twin/testing';
import { BUILT_CLIENT_FIXTURE } from '../support/marquee-template';

const scratch = mkdtempSync(path.join(tmpdir(), 'twin-layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const fixtureLayer = path.resolve('test/fixtures/twin-stack/layer');
let stacks = 0;

/** Synthesizes a one-stack app built by `build` into a fresh cloud assembly and reads it as the twin does. */
function synthModel(build: (stack: Stack) => void): StackModel & { readonly outdir: string } {
  const outdir = path.join(scratch, `assembly-${(stacks += 1)}`);
  const app = new App({ outdir });
  build(new Stack(app, 'Layers'));
  app.synth();
  return { ...readStackModel(outdir, { region: 'us-east-1' }), outdir };
}

function nodeFunction(stack: Stack, id: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => null;'),
    ...props,
  });
}

describe('resources that only serve what has no local effect', () => {
  it('the site BucketDeployment: its custom resource, Python provider Lambda and CLI layer are listed', () => {
    const model = synthModel((stack) => {
      new s3deploy.BucketDeployment(stack, 'Deploy', {
        sources: [s3deploy.Source.asset(BUILT_CLIENT_FIXTURE)],
        destinationBucket: new s3.Bucket(stack, 'Site'),
      });
    });
    expect(model.noLocalEffect.get('Custom::CDKBucketDeployment')?.count).toBe(1);
    expect(model.noLocalEffect.get('AWS::Lambda::Function')).toEqual({
      reason: 'provider of Custom::CDKBucketDeployment',
      count: 1,
    });
    expect(model.noLocalEffect.get('AWS::Lambda::LayerVersion')).toEqual({
      reason: 'used by no function that runs locally',
      count: 1,
    });
    expect(resourcesOfType(model, 'AWS::Lambda::Function')).toEqual([]);
  });

  it('a provider that something local also uses still runs, and so does its layer', () => {
    const model = synthModel((stack) => {
      const layer = new lambda.LayerVersion(stack, 'Layer', { code: lambda.Code.fromAsset(fixtureLayer) });
      const shared = nodeFunction(stack, 'Shared', { layers: [layer] });
      new CfnResource(stack, 'Deployment', {
        type: 'Custom::CDKBucketDeployment',
        properties: { ServiceToken: shared.functionArn },
      });
      nodeFunction(stack, 'Caller', { environment: { TARGET: shared.functionArn } });
    });
    const running = resourcesOfType(model, 'AWS::Lambda::Function').map((fn) => fn.logicalId);
    expect(running.some((id) => id.startsWith('Shared'))).toBe(true);
    expect(resourcesOfType(model, 'AWS::Lambda::LayerVersion')).toHaveLength(1);
    expect(model.noLocalEffect.has('AWS::Lambda::Function')).toBe(false);
  });
});

describe('layers of functions that run locally', () => {
  it("are the layer's folder in the cloud assembly, in the function's order", () => {
    const model = synthModel((stack) => {
      const first = new lambda.LayerVersion(stack, 'First', { code: lambda.Code.fromAsset(fixtureLayer) });
      const second = new lambda.LayerVersion(stack, 'Second', {
        code: lambda.Code.fromAsset(path.resolve('test/fixtures/lambdas/layers/base')),
      });
      nodeFunction(stack, 'Layered', { layers: [second, first] });
    });
    const folders = provideLayers(model);
    const [fn] = resourcesOfType(model, 'AWS::Lambda::Function');
    const layers = functionLayers(model, fn!, folders);
    expect(layers).toHaveLength(2);
    for (const folder of layers) expect(path.dirname(folder)).toBe(model.outdir);
    expect(readFileSync(path.join(layers[0] ?? '', 'bin', 'fixture-tool'), 'utf8')).toContain('base layer');
    expect(existsSync(path.join(layers[1] ?? '', 'nodejs', 'node_modules', 'twin-fixture-greeting'))).toBe(
      true,
    );
  });

  it('a layer that is not in the cloud assembly (an ARN from elsewhere) is refused, saying why', () => {
    const model = synthModel((stack) => {
      const external = lambda.LayerVersion.fromLayerVersionArn(
        stack,
        'Ffmpeg',
        'arn:aws:lambda:us-east-1:123456789012:layer:ffmpeg:3',
      );
      nodeFunction(stack, 'Uses', { layers: [external] });
    });
    const [fn] = resourcesOfType(model, 'AWS::Lambda::Function');
    expect(() => functionLayers(model, fn!, provideLayers(model))).toThrow(
      /layer arn:aws:lambda:us-east-1:123456789012:layer:ffmpeg:3 is not built by this app/,
    );
  });

  it('a layer shipped as a ready-made .zip is refused with what to use instead', () => {
    const zip = path.join(scratch, 'prebuilt-layer.zip');
    writeFileSync(zip, 'not unpacked by the twin');
    const model = synthModel((stack) => {
      const layer = new lambda.LayerVersion(stack, 'Zipped', { code: lambda.Code.fromAsset(zip) });
      nodeFunction(stack, 'Uses', { layers: [layer] });
    });
    expect(() => provideLayers(model)).toThrow(
      /ready-made archive; the twin runs layers from a folder asset/,
    );
  });
});
