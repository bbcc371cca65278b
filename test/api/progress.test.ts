import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMovie,
  deviceClock,
  startMarqueeApi,
  type Caller,
  type CreatedMovie,
  type MarqueeApi,
} from '../support/marquee-fixtures';

let api: MarqueeApi;
let movie: CreatedMovie;
beforeAll(async () => {
  api = await startMarqueeApi();
  movie = await createMovie(api, { title: 'Progress Film', durationSeconds: 6000 });
});
afterAll(async () => {
  await api?.stop();
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

const POSITION = 'ownerId movieId positionSeconds watched hiddenFromContinueWatching clientTime deviceId';
const SAVE = `mutation ($input: SavePlaybackPositionInput!) { savePlaybackPosition(input: $input) { ${POSITION} } }`;
const MARK_WATCHED = `mutation ($input: MarkWatchedInput!) { markWatched(input: $input) { ${POSITION} } }`;
const MY_POSITION = `query ($id: ID!) { movie(id: $id) { myPosition { ${POSITION} } } }`;
const CONTINUE_WATCHING = `query ($limit: Int) { continueWatching(limit: $limit) { items { id myPosition { ${POSITION} } } } }`;

function save(movieId: string, positionSeconds: number, clientTime: string, deviceId = 'tv', who?: Caller) {
  return api.run<Position>(who ?? api.viewer, SAVE, {
    input: { movieId, positionSeconds, clientTime, deviceId },
  });
}

describe('watch progress never goes backwards', () => {
  it('stores a first save and returns it, owned by the caller', async () => {
    const at = deviceClock();
    const outcome = await save(movie.id, 100, at(-60_000));
    expect(outcome.data).toMatchObject({
      ownerId: api.viewer.sub,
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
    const before = await api.data<{ myPosition: Position }>(api.viewer, MY_POSITION, { id: movie.id });
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
    const after = await api.data<{ myPosition: Position }>(api.viewer, MY_POSITION, { id: movie.id });
    expect(after.myPosition).toEqual(before.myPosition);
  });

  it('finishing marks the title watched and takes it out of Continue Watching', async () => {
    const at = deviceClock();
    const film = await createMovie(api, { title: 'Short Film', durationSeconds: 1000 });
    await save(film.id, 300, at(-4_000));
    let row = await api.data<{ items: { id: string }[] }>(api.viewer, CONTINUE_WATCHING);
    expect(row.items.map((item) => item.id)).toContain(film.id);
    const finished = await save(film.id, 960, at(-3_000));
    expect(finished.data).toMatchObject({ watched: true });
    row = await api.data<{ items: { id: string }[] }>(api.viewer, CONTINUE_WATCHING);
    expect(row.items.map((item) => item.id)).not.toContain(film.id);
  });

  it('markWatched false resets to the start; it is ordered with saves', async () => {
    const at = deviceClock();
    const film = await createMovie(api, { title: 'Rewatch Film' });
    await save(film.id, 2000, at(-2_000));
    const unwatched = await api.data<Position>(api.viewer, MARK_WATCHED, {
      input: { movieId: film.id, watched: false, clientTime: at(-1_000) },
    });
    expect(unwatched).toMatchObject({ positionSeconds: 0, watched: false });
    const stale = await api.data<Position>(api.viewer, MARK_WATCHED, {
      input: { movieId: film.id, watched: true, clientTime: at(-1_500) },
    });
    expect(stale).toMatchObject({ positionSeconds: 0, watched: false });
    const watched = await api.data<Position>(api.viewer, MARK_WATCHED, {
      input: { movieId: film.id, watched: true, clientTime: at(-500) },
    });
    expect(watched).toMatchObject({ positionSeconds: 6000, watched: true });
  });
});

describe('Continue Watching', () => {
  it('orders by recency and keeps history when a title is removed from the row', async () => {
    const at = deviceClock();
    const a = await createMovie(api, { title: 'Row A' });
    const b = await createMovie(api, { title: 'Row B' });
    await save(a.id, 100, at(-20_000), 'tv', api.otherViewer);
    await save(b.id, 100, at(-10_000), 'tv', api.otherViewer);
    const row = await api.run(api.otherViewer, CONTINUE_WATCHING, { limit: 10 });
    expect(row.operations).toEqual(['Query', 'BatchGetItem']);
    const items = (row.data as { items: { id: string; myPosition: Position }[] }).items;
    expect(items.map((item) => item.id)).toEqual([b.id, a.id]);
    expect(items[0]?.myPosition.positionSeconds).toBe(100);
    const removed = await api.data<Position>(
      api.otherViewer,
      `mutation ($movieId: ID!) { removeFromContinueWatching(movieId: $movieId) { ${POSITION} } }`,
      { movieId: b.id },
    );
    expect(removed).toMatchObject({ hiddenFromContinueWatching: true, positionSeconds: 100 });
    const after = await api.data<{ items: { id: string }[] }>(api.otherViewer, CONTINUE_WATCHING);
    expect(after.items.map((item) => item.id)).toEqual([a.id]);
    const detail = await api.data<{ myPosition: Position }>(api.otherViewer, MY_POSITION, { id: b.id });
    expect(detail.myPosition.positionSeconds).toBe(100);
  });

  it('is per user: another viewer sees none of it', async () => {
    const row = await api.data<{ items: { id: string }[] }>(api.viewer, CONTINUE_WATCHING);
    const others = await api.data<{ items: { id: string }[] }>(api.otherViewer, CONTINUE_WATCHING);
    expect(row.items.map((item) => item.id)).not.toEqual(
      expect.arrayContaining(others.items.map((item) => item.id)),
    );
    const detail = await api.data<{ myPosition: unknown }>(api.otherViewer, MY_POSITION, { id: movie.id });
    expect(detail.myPosition).toBeNull();
  });
});

describe('subscription filter', () => {
  it('filters on the caller identity and refuses anonymous subscribers', async () => {
    const SUBSCRIPTION = { query: 'subscription { onMyPlaybackPositionChanged { ownerId } }' };
    const host = new URL(api.twin.stack.graphqlUrl).host;
    const subscribed = await api.twin.stack.engine.prepareSubscription(SUBSCRIPTION, {
      host,
      Authorization: api.viewer.idToken,
    });
    expect('errors' in subscribed ? subscribed.errors : []).toEqual([]);
    expect(JSON.stringify('filter' in subscribed ? subscribed.filter : null)).toContain(api.viewer.sub);
    const anonymous = await api.twin.stack.engine.prepareSubscription(SUBSCRIPTION, { host });
    expect('errors' in anonymous ? anonymous.errors.map((error) => error.errorType) : []).toEqual([
      'UnauthorizedException',
    ]);
  });
});
