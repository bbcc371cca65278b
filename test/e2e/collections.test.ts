import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitUntilReady } from 'appsync-twin';
import { openApp, signUp, uniqueEmail } from './support/app';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { startStack, type RunningStack } from './support/stack';
import { makeTestImage } from '../support/media-pipeline';
import { uiWaitMs } from '../support/timeouts';

/**
 * Collections in Debian's Chromium against the stack `npm start` runs: a viewer with two photos in their library
 * (uploaded through the API) makes a collection, fills it, reorders it (the order survives a reload), renames it,
 * and deletes it keeping the photos; another viewer opening its address sees Not found.
 */

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; errorType?: string }[];
}

/** The signed-in viewer's ID token, as Amplify keeps it in the page's local storage. */
async function idTokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const storage = (globalThis as unknown as { localStorage: Storage }).localStorage;
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index) ?? '';
      if (key.endsWith('.idToken')) return storage.getItem(key);
    }
    return null;
  });
  if (!token) throw new Error('The page holds no ID token: is the viewer signed in?');
  return token;
}

describe('collections in a real browser against the local stack', () => {
  let stack: RunningStack;
  let browser: TestBrowser;
  let fixtures: string;
  const devices: BrowserContext[] = [];
  let page: Page;
  let token: string;
  const photoIds: Record<string, string> = {};
  let collectionPath = '';

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(stack.outputs.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as GraphQLAnswer<T>;
    if (answer.errors) throw new Error(answer.errors.map((error) => error.message).join('; '));
    return answer.data as T;
  }

  /** Requests the upload and PUTs the photo to its presigned URL, as the library screen does. */
  async function uploadPhoto(title: string, file: string): Promise<string> {
    const body = readFileSync(file);
    const requested = await api<{
      requestLibraryUpload: { item: { id: string }; upload: { url: string; headers: string } };
    }>(
      `mutation ($input: RequestLibraryUploadInput!) {
        requestLibraryUpload(input: $input) { item { id } upload { url headers } } }`,
      {
        input: {
          kind: 'IMAGE',
          title,
          fileName: 'photo.png',
          contentType: 'image/png',
          sizeBytes: body.length,
        },
      },
    );
    const put = await fetch(requested.requestLibraryUpload.upload.url, {
      method: 'PUT',
      headers: JSON.parse(requested.requestLibraryUpload.upload.headers) as Record<string, string>,
      body,
    });
    expect(put.status).toBe(200);
    return requested.requestLibraryUpload.item.id;
  }

  const collectionId = () => collectionPath.split('/').pop() as string;

  async function savedOrder(): Promise<string[]> {
    const data = await api<{ collection: { items: { title: string }[] } | null }>(
      'query ($id: ID!) { collection(id: $id) { items { title } } }',
      { id: collectionId() },
    );
    return (data.collection?.items ?? []).map((item) => item.title);
  }

  async function waitForSavedOrder(expected: string[]): Promise<void> {
    await waitUntilReady({
      what: `the collection to be saved as ${expected.join(', ')}`,
      deadlineMs: uiWaitMs(),
      intervalMs: 200,
      probe: async () => JSON.stringify(await savedOrder()) === JSON.stringify(expected),
    });
  }

  function shownOrder(): Promise<string[]> {
    return page.getByRole('list', { name: 'Items in this collection' }).getByRole('link').allTextContents();
  }

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'collections-e2e-'));
    makeTestImage(join(fixtures, 'harbour.png'), 320, 240);
    makeTestImage(join(fixtures, 'market.png'), 240, 320);
    stack = await startStack();
    browser = await launchBrowser();
    const device = await browser.newDevice();
    devices.push(device);
    page = await openApp(device, stack);
    await signUp(page, stack, uniqueEmail('collector'));
    token = await idTokenOf(page);
    photoIds.harbour = await uploadPhoto('Harbour at noon', join(fixtures, 'harbour.png'));
    photoIds.market = await uploadPhoto('Market stalls', join(fixtures, 'market.png'));
  });

  afterAll(async () => {
    for (const device of devices) await device.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  });

  test('creates a collection from the nav, refusing an empty name in plain words', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Collections' }).click();
    await page.getByRole('heading', { name: 'Collections', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No collections yet' }).waitFor();
    await page.getByRole('button', { name: 'New collection' }).click();
    await page.getByRole('button', { name: 'Create collection' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Give the collection a name.');
    await page.getByLabel('Name (1–200 characters)').fill('Lisbon trip');
    await page.getByRole('button', { name: 'Create collection' }).click();
    await page.getByRole('heading', { name: 'Lisbon trip', level: 1 }).waitFor();
    collectionPath = new URL(page.url()).pathname;
    expect(collectionPath).toMatch(/^\/collections\/[A-Za-z0-9_-]+$/);
    await page.getByText('This collection is empty.').waitFor();
  });

  test('adds two library photos with the picker, in the order ticked', async () => {
    await page.getByRole('button', { name: 'Add items' }).click();
    await page.getByRole('checkbox', { name: /Market stalls/ }).check();
    await page.getByRole('checkbox', { name: /Harbour at noon/ }).check();
    expect(await page.getByRole('status').filter({ hasText: 'You can add' }).textContent()).toBe(
      'You can add 18 more (a collection holds at most 20 items).',
    );
    await page.getByRole('button', { name: 'Add 2 items' }).click();
    await page.getByRole('list', { name: 'Items in this collection' }).waitFor();
    expect(await shownOrder()).toEqual(['Market stalls', 'Harbour at noon']);
    await waitForSavedOrder(['Market stalls', 'Harbour at noon']);
    const firstLink = page.getByRole('link', { name: 'Market stalls' });
    expect(await firstLink.getAttribute('href')).toBe(`/library/${photoIds.market}`);
    await screenshot(page, 'collections-01-filled');
  });

  test('reorders from the keyboard, and the order is there after a reload', async () => {
    await page.getByRole('button', { name: 'Move down: Market stalls' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(shownOrder, { timeout: uiWaitMs() }).toEqual(['Harbour at noon', 'Market stalls']);
    await waitForSavedOrder(['Harbour at noon', 'Market stalls']);
    await page.reload();
    await page.getByRole('list', { name: 'Items in this collection' }).waitFor();
    expect(await shownOrder()).toEqual(['Harbour at noon', 'Market stalls']);
  });

  test('renames it', async () => {
    await page.getByRole('button', { name: 'Rename' }).click();
    const field = page.getByLabel('Collection name (1–200 characters)');
    await field.fill('Lisbon, spring');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('heading', { name: 'Lisbon, spring', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Lisbon, spring', level: 1 }).waitFor();
  });

  test('another viewer opening its address sees Not found, with a way back', async () => {
    const device = await browser.newDevice();
    devices.push(device);
    const other = await openApp(device, stack);
    await signUp(other, stack, uniqueEmail('stranger'));
    await other.goto(`${stack.appUrl}${collectionPath}`);
    await other.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await other.getByText('Lisbon, spring').count()).toBe(0);
    expect(await other.getByText('Harbour at noon').count()).toBe(0);
    expect(await other.getByRole('link', { name: 'Back to your collections' }).getAttribute('href')).toBe(
      '/collections',
    );
  });

  test('deletes the collection only: back on the list, the photos still in the library', async () => {
    await page.getByRole('button', { name: 'Delete collection…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Lisbon, spring”?' });
    await dialog
      .getByRole('button', {
        name: 'Delete the collection and its 2 items (they are removed from your library and from every other collection)',
      })
      .waitFor();
    await screenshot(page, 'collections-02-delete-dialog');
    await dialog
      .getByRole('button', { name: 'Delete the collection only (its 2 items stay in your library)' })
      .click();
    await page.getByRole('heading', { name: 'No collections yet' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/collections');
    const library = await api<{ myLibrary: { items: { id: string }[] }; collection: { id: string } | null }>(
      'query ($id: ID!) { myLibrary(limit: 50) { items { id } } collection(id: $id) { id } }',
      { id: collectionId() },
    );
    expect(library.collection).toBeNull();
    expect(library.myLibrary.items.map((item) => item.id).sort()).toEqual(
      [photoIds.harbour, photoIds.market].sort(),
    );
    await page.goto(`${stack.appUrl}${collectionPath}`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
  });
});
