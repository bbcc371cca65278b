import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitUntilReady } from 'appsync-twin';
import { graphqlRequest } from '../../scripts/start/seed/graphql-client';
import { uploadToLibrary, waitForLibraryItemReady, type UserRequest } from '../support/library-uploads';
import { passwordSignIn, signUpWithCode } from '../support/local-accounts';
import { makeTestVideo } from '../support/media-pipeline';
import { useStartedStack } from '../support/started-stack';
import { mediaTestTimeout } from '../support/timeouts';

const EMAIL = 'restarts@example.com';
const PASSWORD = 'Second-Night-2026';
/** Long enough for three 60 s encoding chunks, so the stop below comes between the first and the last. */
const CLIP_SECONDS = 130;
/** A 360p source (a ladder of 360p and 234p): a fraction of a 720p ladder's encoding, on a busy machine too. */
const CLIP_HEIGHT = 360;

const ITEM_MEDIA = /* GraphQL */ `
  query RestartedItem($id: ID!) {
    libraryItem(id: $id) {
      durationSeconds
      media {
        status
        reason
        chunksDone
        chunksTotal
      }
    }
  }
`;
type ItemMedia = {
  libraryItem: {
    durationSeconds: number | null;
    media: { status: string; reason: string | null; chunksDone: number; chunksTotal: number };
  } | null;
};

const PLAYBACK = /* GraphQL */ `
  query RestartedItemPlayback($id: ID!) {
    libraryPlayback(id: $id) {
      masterPlaylistUrl
      credential {
        cookies {
          name
          value
        }
      }
    }
  }
`;

/** The running time of each rendition of the item's stream: the sum of its media playlist's segments. */
async function renditionSeconds(request: UserRequest, itemId: string): Promise<number[]> {
  const { libraryPlayback } = await request<{
    libraryPlayback: {
      masterPlaylistUrl: string;
      credential: { cookies: { name: string; value: string }[] };
    };
  }>(PLAYBACK, { id: itemId });
  const cookie = libraryPlayback.credential.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const fetchText = async (url: string): Promise<string> => {
    const response = await fetch(url, { headers: { cookie } });
    if (!response.ok) throw new Error(`GET ${url} answered HTTP ${response.status}`);
    return response.text();
  };
  const master = await fetchText(libraryPlayback.masterPlaylistUrl);
  const playlists = master.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return Promise.all(
    playlists.map(async (uri) => {
      const media = await fetchText(new URL(uri.trim(), libraryPlayback.masterPlaylistUrl).href);
      return [...media.matchAll(/#EXTINF:([\d.]+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    }),
  );
}

// Without the seed (`--no-seed`), the only media work is this test's own clip: what is waited for after the
// restart is that clip's remaining chunks, not a catalog queued before it, however busy the machine is.
describe('npm start stopped while a video is being encoded', () => {
  const started = useStartedStack('restart-media-', () => ['--no-seed']);
  const requestAs =
    (token: string): UserRequest =>
    (query, variables) =>
      graphqlRequest(started.current.outputs.graphqlUrl, token, query, variables);

  it(
    'finishes the video after the restart, from the chunks the first run left',
    async () => {
      const clip = path.join(started.root, 'long-clip.mp4');
      makeTestVideo(clip, CLIP_SECONDS, CLIP_HEIGHT);
      const { idToken } = await signUpWithCode(started.pool(), EMAIL, PASSWORD);
      const itemId = await uploadToLibrary(requestAs(idToken), 'VIDEO', clip, 'A clip interrupted by a stop');

      // Stopped once the source is split into its chunk jobs and before the last of them is done.
      let split = null as ItemMedia['libraryItem'];
      await waitUntilReady({
        what: `library item ${itemId} to be split into its encoding chunks`,
        intervalMs: 100,
        probe: async () => {
          split = (await requestAs(idToken)<ItemMedia>(ITEM_MEDIA, { id: itemId })).libraryItem;
          if (split?.media.status === 'FAILED') throw new Error(`FAILED: ${split.media.reason ?? ''}`);
          return (split?.media.chunksTotal ?? 0) > 0;
        },
      });
      expect(split?.media).toMatchObject({ status: 'PROCESSING', chunksTotal: 3 });
      expect(split?.media.chunksDone).toBeLessThan(3);

      const stack = await started.restart();
      expect(stack.log()).toMatch(/\d+ queued jobs from the last run are back in their queues/);

      const token = await passwordSignIn(started.pool(), EMAIL, PASSWORD);
      await waitForLibraryItemReady(requestAs(token), itemId);
      const { libraryItem } = await requestAs(token)<ItemMedia>(ITEM_MEDIA, { id: itemId });
      expect(libraryItem?.media).toMatchObject({ status: 'READY', chunksDone: 3, chunksTotal: 3 });
      expect(libraryItem?.durationSeconds).toBeCloseTo(CLIP_SECONDS, 0);
      // Every chunk is in the stream, the ones encoded before the stop and after: each rendition's playlist
      // lasts the whole clip.
      const lengths = await renditionSeconds(requestAs(token), itemId);
      expect(lengths).toHaveLength(2);
      for (const seconds of lengths) expect(seconds).toBeCloseTo(CLIP_SECONDS, 0);
    },
    mediaTestTimeout(1, 2),
  );
});
