import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedLocalStack } from '../../scripts/start/seed';
import { SEED_CATALOG } from '../../scripts/start/seed/catalog';
import { graphqlRequest } from '../../scripts/start/seed/graphql-client';
import { waitUntilReady } from 'appsync-twin';
import { launchBrowser } from '../e2e/support/browser';
import { codesRoute, passwordSignIn, signUpWithCode } from '../support/local-accounts';
import { useStartedStack } from '../support/started-stack';
import { mediaReadyWaitMs, mediaTestTimeout, stackTimeout } from '../support/timeouts';

const EMAIL = 'newcomer@example.com';
const PASSWORD = 'First-Night-2026';
/** A place inside the seeded clips (20 s or more each: running times are the media's measured ones). */
const SAVED_SECONDS = 4;

const BROWSE = /* GraphQL */ `
  query Browse {
    movies(limit: 50) {
      items {
        id
        title
        posterUrl
        video {
          status
          chunksDone
          chunksTotal
        }
        stream {
          durationSeconds
        }
      }
      nextToken
    }
  }
`;
const SAVE = /* GraphQL */ `
  mutation Save($input: SavePlaybackPositionInput!) {
    savePlaybackPosition(input: $input) {
      movieId
      positionSeconds
    }
  }
`;
const PLAY = /* GraphQL */ `
  query Play($movieId: ID!) {
    playback(movieId: $movieId) {
      masterPlaylistUrl
      durationSeconds
      credential {
        cookies {
          name
          value
        }
      }
    }
  }
`;
const POSITION = /* GraphQL */ `
  query Position($id: ID!) {
    movie(id: $id) {
      title
      myPosition {
        positionSeconds
      }
    }
  }
`;

describe('npm start, as a newcomer uses it', () => {
  // A media cache of its own: this is a machine's first start, whatever ran here before, so the stack is
  // stopped below while the seed media is still being encoded (test/start/restart-media.test.ts checks that
  // interrupted processing is finished after a restart, on a stack with no seed queued before it).
  const started = useStartedStack('npm-start-', (root) => ['--media-cache', path.join(root, 'media-cache')]);
  const signIn = (): Promise<string> => passwordSignIn(started.pool(), EMAIL, PASSWORD);

  type Listed = {
    id: string;
    title: string;
    posterUrl: string | null;
    video: { status: string; chunksDone: number; chunksTotal: number } | null;
    stream: { durationSeconds: number } | null;
  };
  const browseAs = async (token: string): Promise<Listed[]> =>
    (await graphqlRequest<{ movies: { items: Listed[] } }>(started.current.outputs.graphqlUrl, token, BROWSE))
      .movies.items;

  let movieId = '';

  it('writes the outputs file with the local endpoints and the demo accounts', () => {
    const outputs = JSON.parse(readFileSync(started.outputsFile, 'utf8')) as Record<string, unknown>;
    expect(outputs).toMatchObject({
      graphqlUrl: `http://127.0.0.1:${started.port}/graphql`,
      cognitoEndpoint: `http://127.0.0.1:${started.port + 2}`,
      s3Endpoint: `http://127.0.0.1:${started.port + 3}`,
      region: expect.any(String),
      userPoolId: expect.any(String),
      userPoolClientId: expect.any(String),
      mediaBucketName: expect.any(String),
      realtimeUrl: expect.any(String),
      demoAccounts: [
        { username: 'viewer@example.com', password: expect.any(String), role: 'viewer' },
        { username: 'admin@example.com', password: expect.any(String), role: 'admin' },
      ],
    });
  });

  it('lists the resource types that have no local effect, custom-resource providers among them', () => {
    const listed = /No local effect \(docs\/twin-engine\.md says why\): (.*)/.exec(
      started.current.log(),
    )?.[1];
    expect(listed).toContain('AWS::IAM::Role ×');
    // CDK's log-retention handler (and, with a built client, the site deployment's) only serve custom resources.
    expect(listed).toContain('AWS::Lambda::Function ×');
  });

  it('signs up, reads the code from the codes route, confirms and signs in', async () => {
    const { code, idToken } = await signUpWithCode(started.pool(), EMAIL, PASSWORD);
    expect(code).toMatch(/^\d{6}$/);
    expect(idToken).toMatch(/^ey/);
    expect((await fetch(codesRoute(started.current.outputs.graphqlUrl, 'nobody@example.com'))).status).toBe(
      404,
    );
  });

  it(
    'browses the seeded catalog, saves progress, and plays the processed HLS stream',
    async () => {
      const token = await signIn();
      const url = started.current.outputs.graphqlUrl;
      const browse = () => browseAs(token);
      expect((await browse()).length).toBe(SEED_CATALOG.length);
      const seeded = SEED_CATALOG[0];
      // The seed's sources are processed in the background (S3 → SQS → Lambdas with ffmpeg).
      let movie: Listed | undefined;
      await waitUntilReady({
        what: `the seeded title ${seeded?.title ?? ''} to be processed (poster and stream READY)`,
        probe: async () => {
          movie = (await browse()).find((m) => m.title === seeded?.title);
          return !!movie?.posterUrl && !!movie.stream;
        },
        deadlineMs: mediaReadyWaitMs(),
      });
      expect(movie?.posterUrl).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/_cloudfront\/\w+\/catalog\/[^/]+\/poster\/[^/]+\/row\.webp$/,
      );
      const poster = await fetch(movie?.posterUrl ?? '');
      expect(poster.status).toBe(200);
      expect(poster.headers.get('content-type')).toBe('image/webp');
      expect((await poster.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      expect(movie?.video?.status).toBe('READY');
      // The running time is the media's measured one: the length of the title's own clip.
      expect(movie?.stream?.durationSeconds).toBeCloseTo(seeded?.durationSeconds ?? 0, 0);
      movieId = movie?.id ?? '';

      const saved = await graphqlRequest<{ savePlaybackPosition: { positionSeconds: number } }>(
        url,
        token,
        SAVE,
        {
          input: {
            movieId,
            positionSeconds: SAVED_SECONDS,
            clientTime: new Date().toISOString(),
            deviceId: 'npm-start-test',
          },
        },
      );
      expect(saved.savePlaybackPosition.positionSeconds).toBe(SAVED_SECONDS);

      const { playback } = await graphqlRequest<{
        playback: {
          masterPlaylistUrl: string;
          durationSeconds: number;
          credential: { cookies: Array<{ name: string; value: string }> };
        };
      }>(url, token, PLAY, { movieId });
      // Without the signed cookies the twin's CloudFront refuses the stream, as CloudFront does.
      expect((await fetch(playback.masterPlaylistUrl)).status).toBe(403);
      const cookie = playback.credential.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const master = await fetch(playback.masterPlaylistUrl, { headers: { cookie } });
      expect(master.status).toBe(200);
      const playlist = await master.text();
      expect(playlist).toMatch(/^#EXTM3U/);
      // The seed clips are 720p: a ladder of 720p, 540p, 360p and 234p.
      expect([...playlist.matchAll(/RESOLUTION=\d+x(\d+)/g)].map((match) => match[1])).toEqual([
        '720',
        '540',
        '360',
        '234',
      ]);
    },
    mediaTestTimeout(),
  );

  it('serves the API explorer on the twin', async () => {
    const base = started.current.outputs.graphqlUrl.replace(/\/graphql$/, '') ?? '';
    const page = await fetch(`${base}/explorer`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/explorer/app.js');
    const app = await fetch(`${base}/explorer/app.js`);
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toContain('javascript');
  });

  it('runs a query in the explorer as a signed-in demo user, in a real browser', async () => {
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newDevice()).newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(started.current.outputs.graphqlUrl.replace(/\/graphql$/, '/explorer') ?? '');
      // The deployed schema's documentation is there before anyone signs in.
      await page
        .getByRole('button', { name: /Documentation Explorer/ })
        .first()
        .click();
      await page.locator('.graphiql-doc-explorer-root-type').first().waitFor();
      expect(await page.locator('.graphiql-doc-explorer-content').textContent()).toContain('Query');
      await page.getByRole('button', { name: 'Demo viewer' }).click();
      await page.getByTestId('signed-in-as').getByText('viewer@example.com').waitFor();
      await page.getByRole('button', { name: /Execute query/ }).click();
      const result = page.locator('.result-window');
      await result.getByText('"items"').waitFor();
      expect(await result.textContent()).not.toContain('"errors"');
    } finally {
      await browser.close();
    }
  }, 120_000);

  it(
    'stops cleanly while the seed media is being encoded, leaving no JVM on the DynamoDB port, and keeps the data across a restart',
    async () => {
      // This start's media cache was empty, so the seed's clips are still being encoded now: the stop
      // must end ffmpeg and the Lambdas' workers as well as the JVM.
      const listed = await browseAs(await signIn());
      const unfinished = (status?: string) => status === 'UPLOADED' || status === 'PROCESSING';
      expect(
        listed.filter((m) => unfinished(m.video?.status)).length,
        'titles still processing when npm start stops',
      ).toBeGreaterThan(0);
      const stack = await started.restart();
      expect(stack.log()).toMatch(
        /The demo catalog \(\d+ titles\) was seeded into this data folder before; 0 accounts/,
      );
      // The chunk jobs queued at the stop are back (the restart test shows they are then done).
      expect(stack.log()).toMatch(/\d+ queued jobs from the last run are back in their queues/);
      const token = await signIn();
      const { movie } = await graphqlRequest<{ movie: { myPosition: { positionSeconds: number } | null } }>(
        stack.outputs.graphqlUrl,
        token,
        POSITION,
        { id: movieId },
      );
      expect(movie.myPosition?.positionSeconds).toBe(SAVED_SECONDS);

      // Seeding itself is idempotent: run against the seeded stack without the state file, it changes nothing.
      const again = await seedLocalStack({
        graphqlUrl: stack.outputs.graphqlUrl,
        cognitoEndpoint: stack.outputs.cognitoEndpoint,
        userPoolId: stack.outputs.userPoolId,
        userPoolClientId: stack.outputs.userPoolClientId,
      });
      const { mediaReadiness, ...report } = again;
      mediaReadiness.stop();
      expect(report).toEqual({
        titlesCreated: 0,
        trailersCreated: 0,
        filesUploaded: 0,
        accountsCreated: 0,
        titles: SEED_CATALOG.length,
        alreadySeeded: false,
      });
    },
    stackTimeout(2),
  );
});
