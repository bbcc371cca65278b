import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { LocalStack } from 'appsync-twin';

/**
 * The step an operator does once after deploying to AWS (docs/api.md, "Playback key pair"): put the private
 * key of the playback public key into the signing function's secret. Locally the twin made the key pair, so
 * this runs at every start, through the real SDK against the twin's Secrets Manager.
 */
export async function installPlaybackSigningKey(stack: LocalStack): Promise<void> {
  const secretArn = stack.outputs.playbackSigningKeySecretArn;
  const keyPairId = stack.outputs.playbackKeyPairId;
  const pair = stack.cloudFrontKeyPairs.find((candidate) => candidate.keyPairId === keyPairId);
  if (!secretArn || !pair)
    throw new Error(
      'The stack has no playback key pair (outputs playbackSigningKeySecretArn and playbackKeyPairId).',
    );
  const client = new SecretsManagerClient({
    endpoint: stack.secretsManagerEndpoint,
    region: stack.outputs.region ?? 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(new PutSecretValueCommand({ SecretId: secretArn, SecretString: pair.privateKeyPem }));
  } finally {
    client.destroy();
  }
}
