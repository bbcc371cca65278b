import { describe, expect, it } from 'vitest';
import {
  IntrinsicResolver,
  localEnvironment,
  distributionMayRead,
  pathPatternMatches,
  wildcardMatches,
} from 'appsync-twin/testing';

const DISTRIBUTION_ARN = 'arn:aws:cloudfront::000000000000:distribution/ImagesDistribution';
const BUCKET_ARN = 'arn:aws:s3:::media-bucket';

function imageGrant(sourceArn = DISTRIBUTION_ARN): unknown {
  return {
    Effect: 'Allow',
    Principal: { Service: 'cloudfront.amazonaws.com' },
    Action: 's3:GetObject',
    Resource: [`${BUCKET_ARN}/media/*/poster-*`, `${BUCKET_ARN}/media/*/backdrop-*`],
    Condition: { StringEquals: { 'AWS:SourceArn': sourceArn } },
  };
}

/** The statement CDK's `enforceSSL` adds to every bucket. */
const DENY_INSECURE = {
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: 's3:*',
  Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

describe('CloudFront path patterns', () => {
  it.each([
    ['media/*/poster-*', '/media/m1/poster-1.png', true],
    ['/media/*/poster-*', 'media/m1/poster-1.png', true],
    ['media/*/poster-*', '/media/m1/trailers/t1/video-1.mp4', false],
    ['media/*/poster-*', '/Media/m1/poster-1.png', false],
    ['images/?.png', '/images/a.png', true],
    ['images/?.png', '/images/ab.png', false],
    ['a.b', '/axb', false],
    ['*', '/anything/at/all', true],
  ])('%s against %s: %s', (pattern, path, expected) => {
    expect(pathPatternMatches(pattern, path)).toBe(expected);
  });

  it('treats regular-expression characters literally', () => {
    expect(wildcardMatches('a+(b)', 'a+(b)')).toBe(true);
    expect(wildcardMatches('a+(b)', 'aa(b)')).toBe(false);
  });
});

describe('bucket grants to a distribution', () => {
  const policy = { Version: '2012-10-17', Statement: [DENY_INSECURE, imageGrant()] };

  it('lets the distribution read the granted keys over the HTTPS origin request', () => {
    expect(distributionMayRead([policy], DISTRIBUTION_ARN, `${BUCKET_ARN}/media/m1/poster-1.png`)).toBe(true);
    expect(distributionMayRead([policy], DISTRIBUTION_ARN, `${BUCKET_ARN}/media/m1/backdrop-2.jpg`)).toBe(
      true,
    );
  });

  it('refuses keys outside the grant, another distribution, and buckets without a grant', () => {
    expect(distributionMayRead([policy], DISTRIBUTION_ARN, `${BUCKET_ARN}/media/m1/video-1.mp4`)).toBe(false);
    const other = 'arn:aws:cloudfront::000000000000:distribution/SiteDistribution';
    expect(distributionMayRead([policy], other, `${BUCKET_ARN}/media/m1/poster-1.png`)).toBe(false);
    expect(distributionMayRead([], DISTRIBUTION_ARN, `${BUCKET_ARN}/media/m1/poster-1.png`)).toBe(false);
  });

  it('lets an explicit Deny win, and treats unknown conditions in the safe direction', () => {
    const denyPosters = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: `${BUCKET_ARN}/media/*/poster-*`,
    };
    const key = `${BUCKET_ARN}/media/m1/poster-1.png`;
    expect(distributionMayRead([{ Statement: [imageGrant(), denyPosters] }], DISTRIBUTION_ARN, key)).toBe(
      false,
    );
    const unknownDeny = { ...denyPosters, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } };
    expect(distributionMayRead([{ Statement: [imageGrant(), unknownDeny] }], DISTRIBUTION_ARN, key)).toBe(
      false,
    );
    const unknownAllow = {
      ...(imageGrant() as Record<string, unknown>),
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    };
    expect(distributionMayRead([{ Statement: [unknownAllow] }], DISTRIBUTION_ARN, key)).toBe(false);
  });
});

describe('an emulated endpoint speaks http locally', () => {
  const resolver = new IntrinsicResolver({ Resources: {} }, localEnvironment('Demo', 'us-east-1'));
  resolver.provide('Images', {
    ref: 'Images',
    attributes: { DomainName: '127.0.0.1:4000/_cloudfront/Images' },
    httpHosts: ['127.0.0.1:4000/_cloudfront/Images'],
  });
  resolver.provide('Api', { ref: 'Api', attributes: { Host: '127.0.0.1:4000' } });

  it.each([
    [
      { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Images', 'DomainName'] }]] },
      'http://127.0.0.1:4000/_cloudfront/Images',
    ],
    [
      { 'Fn::Sub': 'https://${Images.DomainName}/media/x' },
      'http://127.0.0.1:4000/_cloudfront/Images/media/x',
    ],
    [{ 'Fn::GetAtt': ['Images', 'DomainName'] }, '127.0.0.1:4000/_cloudfront/Images'],
    // Only whole registered hosts change scheme.
    [
      { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Api', 'Host'] }, '/graphql']] },
      'https://127.0.0.1:4000/graphql',
    ],
    [{ 'Fn::Sub': 'https://${Images.DomainName}Extra' }, 'https://127.0.0.1:4000/_cloudfront/ImagesExtra'],
  ])('%j → %s', (value, expected) => {
    expect(resolver.resolve(value, 'test')).toBe(expected);
  });
});
