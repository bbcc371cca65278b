import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localCognitoClient } from 'appsync-twin';
import { graphqlRequest } from '../../scripts/start/seed/graphql-client';
import { signInForIdToken } from '../../scripts/start/seed/demo-accounts';
import { uploadToLibrary, waitForLibraryItemReady, type UserRequest } from '../support/library-uploads';
import { makeTestSound, makeTestVideo } from '../support/media-pipeline';
import { mediaTestTimeout, uiWaitMs } from '../support/timeouts';
import { openApp, signUp, TEST_PASSWORD, uniqueEmail, videoTime, waitForPlayableVideo } from './support/app';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';

const CLIP_TITLE = 'Beach clip';
const SOUND_TITLE = 'Morning birdsong';
const VIDEO = '[data-testid="video"]';

/** The viewer's API access with the same account the browser signed up (what the app's upload does). */
async function viewerRequest(stack: RunningStack, email: string): Promise<UserRequest> {
  const { outputs } = stack;
  const token = await signInForIdToken(
    {
      cognito: localCognitoClient(outputs.cognitoEndpoint),
      userPoolId: outputs.userPoolId,
      clientId: outputs.userPoolClientId,
    },
    email,
    TEST_PASSWORD,
  );
  return <T>(query: string, variables: Record<string, unknown>) =>
    graphqlRequest<T>(outputs.graphqlUrl, token, query, variables);
}

/**
 * A viewer's own uploads in the real player in Debian's Chromium: a clip resumes where it was left, a sound
 * plays without a quality menu, and another viewer opening the link is told the item is not there.
 */
describe('library videos and sounds in the player', () => {
  let stack: RunningStack;
  let browser: TestBrowser;
  let viewer: Page;
  let request: UserRequest;
  let clipId = '';
  let soundId = '';

  const savedPosition = async (id: string): Promise<number | null> => {
    const { libraryItem } = await request<{
      libraryItem: { position: { positionSeconds: number } | null } | null;
    }>(`query LibraryPlayerE2ePosition($id: ID!) { libraryItem(id: $id) { position { positionSeconds } } }`, {
      id,
    });
    return libraryItem?.position?.positionSeconds ?? null;
  };

  beforeAll(async () => {
    const fixtures = mkdtempSync(join(tmpdir(), 'library-player-e2e-'));
    try {
      makeTestVideo(join(fixtures, 'beach.mp4'), 16, 240);
      makeTestSound(join(fixtures, 'birdsong.wav'), 12);
      stack = await startStack();
      browser = await launchBrowser();
      const email = uniqueEmail('library-player');
      viewer = await openApp(await browser.newDevice(), stack);
      await signUp(viewer, stack, email);
      request = await viewerRequest(stack, email);
      [clipId, soundId] = await Promise.all([
        uploadToLibrary(request, 'VIDEO', join(fixtures, 'beach.mp4'), CLIP_TITLE),
        uploadToLibrary(request, 'AUDIO', join(fixtures, 'birdsong.wav'), SOUND_TITLE),
      ]);
      await Promise.all([clipId, soundId].map((id) => waitForLibraryItemReady(request, id)));
    } finally {
      rmSync(fixtures, { recursive: true, force: true });
    }
  }, mediaTestTimeout());

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  test('a clip played for 3 s and left resumes there, then plays on past the resume point', async () => {
    await viewer.goto(`${stack.appUrl}/library/${encodeURIComponent(clipId)}/watch`);
    await viewer.getByText(CLIP_TITLE, { exact: true }).waitFor();
    await waitForPlayableVideo(viewer, VIDEO, 3);
    await viewer.getByRole('button', { name: 'Back' }).click();
    await viewer.waitForURL(`${stack.appUrl}/library/${encodeURIComponent(clipId)}`);
    // Leaving the player saved the place it left: wait for the API to have it.
    await expect.poll(() => savedPosition(clipId), { timeout: uiWaitMs() }).toBeGreaterThanOrEqual(3);
    const saved = (await savedPosition(clipId)) as number;

    await viewer.goto(`${stack.appUrl}/library/${encodeURIComponent(clipId)}/watch`);
    await waitForPlayableVideo(viewer, VIDEO);
    const resumedAt = await videoTime(viewer);
    expect(resumedAt).toBeGreaterThanOrEqual(saved - 0.5);
    expect(resumedAt).toBeLessThan(saved + 3);
    // Plays on from there: the playhead passes the resume point by at least 2 s of playback.
    await waitForPlayableVideo(viewer, VIDEO, saved + 2);
    await screenshot(viewer, 'library-player-01-resumed');
  });

  test('a sound plays with its title shown, and no quality menu or trickplay', async () => {
    await viewer.goto(`${stack.appUrl}/library/${encodeURIComponent(soundId)}/watch`);
    await waitForPlayableVideo(viewer, VIDEO, 1.5);
    const before = await videoTime(viewer);
    await waitForPlayableVideo(viewer, VIDEO, before + 1);
    expect(await viewer.locator('.player__sound-title').textContent()).toBe(SOUND_TITLE);
    expect(await viewer.locator('.player__sound-title').isVisible()).toBe(true);
    expect(await viewer.getByRole('button', { name: /^Quality/ }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Speed/ }).count()).toBe(1);
    const seekBar = await viewer.getByRole('slider', { name: 'Seek' }).boundingBox();
    if (!seekBar) throw new Error('The seek bar is not on screen');
    await viewer.mouse.move(seekBar.x + seekBar.width * 0.5, seekBar.y + seekBar.height / 2);
    expect(await viewer.getByTestId('trickplay-thumbnail').count()).toBe(0);
    await screenshot(viewer, 'library-player-02-sound');
  });

  test("another viewer opening the clip's link sees that it is not there", async () => {
    const stranger = await openApp(await browser.newDevice(), stack);
    await signUp(stranger, stack, uniqueEmail('library-stranger'));
    await stranger.goto(`${stack.appUrl}/library/${encodeURIComponent(clipId)}/watch`);
    await stranger.getByRole('heading', { name: 'Item not found' }).waitFor();
    expect(await stranger.getByTestId('video').count()).toBe(0);
    await stranger.getByRole('link', { name: 'Back to My Library' }).waitFor();
    await screenshot(stranger, 'library-player-03-not-found');
  });
});
