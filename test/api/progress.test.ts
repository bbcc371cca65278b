import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMarqueeHarness,
  createMovie,
  deviceClock,
  otherViewer,
  viewer,
  type CreatedMovie,
} from '../support/marquee-fixtures';
import type { ResolverHarness } from '../support/resolver-harness';

let api: ResolverHarness;
let movie: CreatedMovie;
beforeAll(async () => {
  api = await createMarqueeHarness();
  movie = await createMovie(api, { title: 'Progress Film', durationSeconds: 6000 });
});
afterAll(async () => {
  await api?.close();
});

interface Position {
  ownerId: string;
  movieId: string;
  positionSeconds: number;
  watched: boolean;
  hiddenFromContinueWatching: boolean;
  clientTime: string;
  deviceId: string | null;
}

function save(movieId: string, positionSeconds: number, clientTime: string, deviceId = 'tv', who = viewer) {
  return api.run(
    'Mutation',
    'savePlaybackPosition',
    { input: { movieId, positionSeconds, clientTime, deviceId } },
    who,
  );
}

describe('watch progress never goes backwards', () => {
  it('stores a first save and returns it, owned by the caller', async () => {
    const at = deviceClock();
    const outcome = await save(movie.id, 100, at(-60_000));
    expect(outcome.data).toMatchObject({
      ownerId: viewer.sub,
      movieId: movie.id,
      positionSeconds: 100,
      watched: false,
      deviceId: 'tv',
    });
  });

  it('an older save loses and the caller learns the winning position', async () => {
    const at = deviceClock();
    const newer = at(-10_000);
    await save(movie.id, 500, newer, 'phone');
    const late = await save(movie.id, 50, at(-30_000), 'tablet');
    expect(late.error).toBeUndefined();
    expect(late.data).toMatchObject({ positionSeconds: 500, deviceId: 'phone', clientTime: newer });
    expect(late.operations).toEqual(['BatchGetItem', 'TransactWriteItems', 'GetItem']);
  });

  it('an exact retry succeeds and changes nothing', async () => {
    const at = deviceClock();
    const time = at(-5_000);
    const first = await save(movie.id, 700, time, 'phone');
    const retry = await save(movie.id, 700, time, 'phone');
    expect(retry.error).toBeUndefined();
    expect(retry.data).toMatchObject({ positionSeconds: 700, clientTime: time });
    expect(retry.operations).toEqual(['BatchGetItem', 'TransactWriteItems']);
    expect((retry.data as Position).positionSeconds).toBe((first.data as Position).positionSeconds);
  });

  it('rejects a timestamp far in the future, a negative or too large position, and a bad id, changing nothing', async () => {
    const at = deviceClock();
    const before = await api.data<{ myPosition: Position }>('Query', 'movie', { id: movie.id }, viewer);
    for (const [input, type] of [
      [{ positionSeconds: 800, clientTime: at(3600_000) }, 'BadRequest'],
      [{ positionSeconds: -1, clientTime: at(0) }, 'BadRequest'],
      [{ positionSeconds: 6001, clientTime: at(0) }, 'BadRequest'],
    ] as const) {
      const outcome = await save(movie.id, input.positionSeconds, input.clientTime);
      expect(outcome.error?.errorType).toBe(type);
    }
    const badId = await save('../etc', 1, at(0));
    expect(badId.error?.errorType).toBe('BadRequest');
    expect(badId.operations).toEqual([]);
    const missing = await save('no-such-title', 1, at(0));
    expect(missing.error?.errorType).toBe('NotFound');
    const after = await api.data<{ myPosition: Position }>('Query', 'movie', { id: movie.id }, viewer);
    expect(after.myPosition).toEqual(before.myPosition);
  });

  it('finishing marks the title watched and takes it out of Continue Watching', async () => {
    const at = deviceClock();
    const film = await createMovie(api, { title: 'Short Film', durationSeconds: 1000 });
    await save(film.id, 300, at(-4_000));
    let row = await api.data<{ items: { id: string }[] }>('Query', 'continueWatching', {}, viewer);
    expect(row.items.map((item) => item.id)).toContain(film.id);
    const finished = await save(film.id, 960, at(-3_000));
    expect(finished.data).toMatchObject({ watched: true });
    row = await api.data<{ items: { id: string }[] }>('Query', 'continueWatching', {}, viewer);
    expect(row.items.map((item) => item.id)).not.toContain(film.id);
  });

  it('markWatched false resets to the start; it is ordered with saves', async () => {
    const at = deviceClock();
    const film = await createMovie(api, { title: 'Rewatch Film' });
    await save(film.id, 2000, at(-2_000));
    const unwatched = await api.data<Position>(
      'Mutation',
      'markWatched',
      { input: { movieId: film.id, watched: false, clientTime: at(-1_000) } },
      viewer,
    );
    expect(unwatched).toMatchObject({ positionSeconds: 0, watched: false });
    const stale = await api.data<Position>(
      'Mutation',
      'markWatched',
      { input: { movieId: film.id, watched: true, clientTime: at(-1_500) } },
      viewer,
    );
    expect(stale).toMatchObject({ positionSeconds: 0, watched: false });
    const watched = await api.data<Position>(
      'Mutation',
      'markWatched',
      { input: { movieId: film.id, watched: true, clientTime: at(-500) } },
      viewer,
    );
    expect(watched).toMatchObject({ positionSeconds: 6000, watched: true });
  });
});

describe('Continue Watching', () => {
  it('orders by recency and keeps history when a title is removed from the row', async () => {
    const at = deviceClock();
    const a = await createMovie(api, { title: 'Row A' });
    const b = await createMovie(api, { title: 'Row B' });
    await save(a.id, 100, at(-20_000), 'tv', otherViewer);
    await save(b.id, 100, at(-10_000), 'tv', otherViewer);
    const row = await api.run('Query', 'continueWatching', { limit: 10 }, otherViewer);
    expect(row.operations).toEqual(['Query', 'BatchGetItem']);
    const items = (row.data as { items: { id: string; myPosition: Position }[] }).items;
    expect(items.map((item) => item.id)).toEqual([b.id, a.id]);
    expect(items[0]?.myPosition.positionSeconds).toBe(100);
    const removed = await api.data<Position>(
      'Mutation',
      'removeFromContinueWatching',
      { movieId: b.id },
      otherViewer,
    );
    expect(removed).toMatchObject({ hiddenFromContinueWatching: true, positionSeconds: 100 });
    const after = await api.data<{ items: { id: string }[] }>('Query', 'continueWatching', {}, otherViewer);
    expect(after.items.map((item) => item.id)).toEqual([a.id]);
    const detail = await api.data<{ myPosition: Position }>('Query', 'movie', { id: b.id }, otherViewer);
    expect(detail.myPosition.positionSeconds).toBe(100);
  });

  it('is per user: another viewer sees none of it', async () => {
    const row = await api.data<{ items: { id: string }[] }>('Query', 'continueWatching', {}, viewer);
    const others = await api.data<{ items: { id: string }[] }>('Query', 'continueWatching', {}, otherViewer);
    expect(row.items.map((item) => item.id)).not.toEqual(
      expect.arrayContaining(others.items.map((item) => item.id)),
    );
    const detail = await api.data<{ myPosition: unknown }>('Query', 'movie', { id: movie.id }, otherViewer);
    expect(detail.myPosition).toBeNull();
  });
});

describe('subscription filter', () => {
  it('filters on the caller identity and refuses anonymous subscribers', async () => {
    const outcome = await api.run('Subscription', 'onMyPlaybackPositionChanged', {}, viewer);
    expect(outcome.data).toBeNull();
    expect(JSON.stringify(outcome.filter)).toContain(viewer.sub);
    const anonymous = await api.run('Subscription', 'onMyPlaybackPositionChanged', {}, null);
    expect(anonymous.error?.errorType).toBe('Unauthorized');
  });
});
