import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCognitoClient } from 'appsync-twin';
import { SESSION_ENDED_MESSAGE } from '../../resolvers/lib/session';
import { createOperationTargets, marqueeOperations } from '../support/marquee-operations';
import {
  startMarqueeTwin,
  userPartitionSize,
  type MarqueeTwin,
  type SignedInUser,
} from '../support/marquee-twin';
import { signIn, type PoolUser } from '../support/twin';

/**
 * Sessions end when the account ends: through the twin over HTTP with real Cognito tokens, two devices of one
 * account are refused on every root field right after deletion (or "sign out everywhere"), and nothing is
 * written for the deleted account.
 */
let twin: MarqueeTwin;
let admin: SignedInUser;
let movieId: string;
let trailerId: string;
const OPERATIONS = marqueeOperations(() => ({ movieId, trailerId }));

beforeAll(async () => {
  twin = await startMarqueeTwin();
  admin = await twin.signUp('catalog-admin@example.com', { admin: true });
  ({ movieId, trailerId } = await createOperationTargets(twin, admin.idToken, 'Session Film'));
}, 300_000);

afterAll(async () => {
  await twin?.stop();
});

function clientId(): string {
  return twin.stack.outputs.userPoolClientId as string;
}

/** A second device: a separate sign-in of the same account. */
function signInAgain(user: SignedInUser): Promise<PoolUser> {
  return signIn(twin.stack, clientId(), user.email);
}

async function refusals(token: string): Promise<Record<string, string[]>> {
  const outcome: Record<string, string[]> = {};
  for (const operation of OPERATIONS) {
    const response = await twin.gql(token, operation.document, operation.variables());
    outcome[operation.name] = (response.errors ?? []).map((error) => `${error.errorType}: ${error.message}`);
  }
  return outcome;
}

function everyFieldRefused(): Record<string, string[]> {
  return Object.fromEntries(
    OPERATIONS.map((operation) => [operation.name, [`Unauthorized: ${SESSION_ENDED_MESSAGE}`]]),
  );
}

function refreshWith(refreshToken: string) {
  const client = localCognitoClient(twin.stack.cognito.endpoint);
  return client
    .send(
      new InitiateAuthCommand({
        ClientId: clientId(),
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    )
    .finally(() => client.destroy());
}

describe('account deletion ends every session of the account', () => {
  it('both devices are refused on every field at once, and nothing is written for the account', async () => {
    // An admin, so that catalog mutations are refused for the ended session, not for a missing group.
    const phone = await twin.signUp('leaver@example.com', { admin: true });
    const laptop = await signInAgain(phone);
    await twin.gql(phone.idToken, 'mutation ($id: ID!) { addToMyList(movieId: $id) { id } }', {
      id: movieId,
    });
    expect(await userPartitionSize(twin.stack, phone.sub)).toBe(2);

    const deleted = await twin.gql(laptop.idToken, 'mutation { deleteMyAccount }');
    expect(deleted).toEqual({ data: { deleteMyAccount: true } });

    expect(await refusals(phone.idToken)).toEqual(everyFieldRefused());
    expect(await refusals(laptop.idToken)).toEqual(everyFieldRefused());
    expect(await userPartitionSize(twin.stack, phone.sub)).toBe(0);
    // Finishing a deletion that stopped part-way stays possible with the account's token.
    expect(await twin.gql(phone.idToken, 'mutation { deleteMyAccount }')).toEqual({
      data: { deleteMyAccount: true },
    });
  });
});

describe('sign out everywhere', () => {
  it('refuses every device, revokes refresh tokens, and a new sign-in works', async () => {
    const phone = await twin.signUp('traveller@example.com', { admin: true });
    const laptop = await signInAgain(phone);
    const signedOut = await twin.gql<{ signOutEverywhere: string }>(
      phone.idToken,
      'mutation { signOutEverywhere }',
    );
    expect(signedOut.errors).toBeUndefined();
    const validFrom = Date.parse(signedOut.data?.signOutEverywhere as string);
    expect(validFrom).toBeGreaterThan(0);

    expect(await refusals(phone.idToken)).toEqual(everyFieldRefused());
    expect(await refusals(laptop.idToken)).toEqual(everyFieldRefused());
    await expect(refreshWith(laptop.refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    // The data stays: only the sessions ended (profile, plus nothing else yet).
    expect(await userPartitionSize(twin.stack, phone.sub)).toBe(1);

    // Sign-in times have one-second granularity; a sign-in in the second of the sign-out is refused too.
    while (Math.floor(Date.now() / 1000) * 1000 < validFrom) await new Promise((r) => setTimeout(r, 50));
    const again = await signInAgain(phone);
    const me = await twin.gql<{ me: { id: string } }>(again.idToken, 'query { me { id } }');
    expect(me).toEqual({ data: { me: { id: phone.sub } } });
  });

  it('is refused to a caller without a token', async () => {
    const response = await twin.gql(null, 'mutation { signOutEverywhere }');
    expect(response.errors?.map((error) => error.errorType)).toContain('UnauthorizedException');
  });
});
