import { RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { KeyScopedS3Origin } from './key-scoped-origin';

/** The media keys a viewer may reach: the pipeline's HLS output, `streams/<movieId>/...`. */
export const STREAMS_PATH_PATTERN = 'streams/*';

export interface StreamingProps {
  /** The app's own distribution: streams share its origin, so the signed cookies are first-party. */
  readonly distribution: cloudfront.Distribution;
  readonly mediaBucket: s3.IBucket;
  /** PEM of the RSA public key CloudFront verifies playback signatures with (its private key is in the secret). */
  readonly publicKeyPem: string;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Private HLS delivery: `streams/*` on the app's distribution reads the media bucket through origin access
 * control and answers only requests signed with the key group's key (signed cookies with a custom policy over
 * one title's folder). The private key lives in a Secrets Manager secret that only the signing function reads;
 * the secret is created empty and filled once after deploy (docs/api.md, "Playback key pair").
 */
export class Streaming extends Construct {
  readonly publicKey: cloudfront.PublicKey;
  readonly keyGroup: cloudfront.KeyGroup;
  readonly signingKey: secretsmanager.Secret;
  /** `https://<app domain>`: a stream's URL is this, `/`, and its key. */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: StreamingProps) {
    super(scope, id);
    this.publicKey = new cloudfront.PublicKey(this, 'PlaybackPublicKey', {
      encodedKey: props.publicKeyPem,
      comment: 'Marquee playback: verifies signed cookies for streams/*',
    });
    this.keyGroup = new cloudfront.KeyGroup(this, 'PlaybackKeyGroup', {
      items: [this.publicKey],
      comment: 'Marquee playback signers',
    });
    this.signingKey = new secretsmanager.Secret(this, 'PlaybackSigningKey', {
      description:
        'Marquee playback: the PEM private key of the CloudFront playback public key (put it here after deploy).',
      removalPolicy: props.removalPolicy,
    });
    acknowledge(this.signingKey, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'The value is an RSA private key paired with a CloudFront public key; rotating it means a new key pair and a deploy (docs/api.md), which Secrets Manager rotation cannot do.',
      },
    ]);

    const accessControl = new cloudfront.S3OriginAccessControl(this, 'OriginAccessControl', {
      description: 'Marquee streams: reads the HLS output (streams/*) of the media bucket',
    });
    props.distribution.addBehavior(
      STREAMS_PATH_PATTERN,
      new KeyScopedS3Origin(props.mediaBucket, accessControl, [STREAMS_PATH_PATTERN]),
      {
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        // Segments and playlists are immutable per upload id; cookies are checked at the edge, not cached on.
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        trustedKeyGroups: [this.keyGroup],
      },
    );
    this.baseUrl = `https://${props.distribution.distributionDomainName}`;
  }
}
