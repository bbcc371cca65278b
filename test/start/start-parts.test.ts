import path from 'node:path';
import { buildClientSchema, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { bundleExplorer, explorerPage, explorerIntrospection } from 'appsync-twin';
import { MARQUEE_EXPLORER } from '../../scripts/start/explorer-query';
import { SEED_CATALOG } from '../../scripts/start/seed/catalog';
import { backdropFile, clipsOf, posterFile } from '../../scripts/start/seed/media-files';
import { planReload } from '../../scripts/start/hot-reload';
import { ENCODE_TEST_TIMEOUT_MS } from '../support/media-pipeline';
import { parseStartOptions } from '../../scripts/start/options';
import { pollInBackground } from '../../scripts/start/seed/background-poll';
import { watchMediaReadiness } from '../../scripts/start/seed/media-readiness';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = '/repo';

/**
 * The labels every clip draws along its bottom edge (white text in a half-transparent dark box), and the least
 * luma spread they keep. This catches a label region collapsed into grey (the old `circuit` clips measured 25–31
 * and 18–25; the committed clips 84 and more, and 61 and more), but not text blurred over a bright, busy pattern:
 * the spread between box and pattern stays high there (README, Known limits).
 */
const LABELS = {
  name: { crop: '260:50:16:ih-70', least: 70 },
  timecode: { crop: '230:50:iw-246:ih-70', least: 45 },
} as const;

type Label = keyof typeof LABELS;

/**
 * Each label's luma spread (ffmpeg signalstats' YHIGH − YLOW: 90th minus 10th percentile), averaged over a
 * clip's frames; one decode of the clip serves every label.
 */
function labelContrasts(file: string): Record<Label, number> {
  const statsDir = mkdtempSync(path.join(tmpdir(), 'marquee-labels-'));
  try {
    const labels = Object.keys(LABELS) as Label[];
    const statsFile = (label: Label) => path.join(statsDir, `${label}.txt`);
    const graph = [
      `[0:v]split=${labels.length}${labels.map((label) => `[${label}]`).join('')}`,
      ...labels.map(
        (label) =>
          `[${label}]crop=${LABELS[label].crop},signalstats,metadata=mode=print:file=${statsFile(label)},nullsink`,
      ),
    ].join(';');
    execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-filter_complex', graph, '-an', '-f', 'null', '-']);
    return Object.fromEntries(
      labels.map((label) => {
        const stats = readFileSync(statsFile(label), 'utf8');
        const values = (key: string) =>
          stats
            .split('\n')
            .filter((line) => line.startsWith(`lavfi.signalstats.${key}=`))
            .map((line) => Number(line.slice(line.indexOf('=') + 1)));
        const [high, low] = [values('YHIGH'), values('YLOW')];
        if (high.length === 0 || high.length !== low.length) {
          throw new Error(`no frame statistics for ${label} in ${file}`);
        }
        return [label, high.reduce((sum, value, i) => sum + value - low[i]!, 0) / high.length];
      }),
    ) as Record<Label, number>;
  } finally {
    rmSync(statsDir, { recursive: true, force: true });
  }
}

describe('npm start options', () => {
  it('defaults to .data, marquee_outputs.json, port 4000 and the client', () => {
    expect(parseStartOptions([], root)).toEqual({
      repoRoot: root,
      dataDir: path.join(root, '.data'),
      outputsFile: path.join(root, 'marquee_outputs.json'),
      reset: false,
      client: true,
      seed: true,
      graphqlPort: 4000,
      clientPort: 5173,
      forceSynth: false,
    });
  });

  it('reads every flag', () => {
    const options = parseStartOptions(
      [
        '--reset',
        '--data-dir',
        '/tmp/d',
        '--outputs',
        '/tmp/o.json',
        '--no-client',
        '--port',
        '4100',
        '--synth',
        '--media-cache',
        'cache',
      ],
      root,
    );
    expect(options).toMatchObject({
      reset: true,
      dataDir: '/tmp/d',
      outputsFile: '/tmp/o.json',
      client: false,
      graphqlPort: 4100,
      forceSynth: true,
      mediaCacheDir: path.resolve('cache'),
    });
    expect(parseStartOptions(['--help'], root)).toBeUndefined();
    // 0 lets Vite choose the client's port (the e2e harness does this through MARQUEE_CLIENT_PORT).
    expect(parseStartOptions(['--client-port', '0'], root)?.clientPort).toBe(0);
  });

  it('rejects unknown flags and bad ports with a message', () => {
    expect(() => parseStartOptions(['--frobnicate'], root)).toThrow(/frobnicate/);
    expect(() => parseStartOptions(['--port', 'http'], root)).toThrow(
      '--port needs a port number, got "http"',
    );
    expect(() => parseStartOptions(['--port', '70000'], root)).toThrow(/--port/);
  });
});

describe('background waits of npm start', () => {
  it('polls until an answer, reporting failed rounds and trying again', async () => {
    const rounds = [undefined, new Error('busy'), undefined, 'done'];
    const errors: unknown[] = [];
    const poll = pollInBackground(
      async () => {
        const next = rounds.shift();
        if (next instanceof Error) throw next;
        return next;
      },
      1,
      (error) => errors.push(error),
    );
    expect(await poll.done).toBe('done');
    expect(rounds).toEqual([]);
    expect(errors).toEqual([new Error('busy')]);
  });

  it('ends with no answer when stopped, without waiting for the next round', async () => {
    const poll = pollInBackground(
      async () => undefined,
      3_600_000,
      () => undefined,
    );
    poll.stop();
    expect(await poll.done).toBeUndefined();
  });

  it('says the media is processed only when no file is left UPLOADED or PROCESSING', async () => {
    const tallies = [
      { ready: 3, failed: 0, pending: 2 },
      { ready: 4, failed: 1, pending: 0 },
    ];
    const reads = { count: 0 };
    const watch = watchMediaReadiness(
      {
        mediaTally: async () => {
          reads.count += 1;
          return tallies.shift() ?? { ready: 0, failed: 0, pending: 1 };
        },
      },
      (error) => {
        throw error;
      },
    );
    // A FAILED file counts as processed: nothing more will happen to it.
    await expect(watch.done).resolves.toEqual({ ready: 4, failed: 1, pending: 0 });
    expect(reads.count).toBe(2);
  });
});

describe('hot reload plan', () => {
  it('maps each source file to what must be swapped in', () => {
    expect(planReload('resolvers/Query.movies.ts')).toEqual({
      kind: 'resolver',
      typeName: 'Query',
      fieldName: 'movies',
      file: 'resolvers/Query.movies.ts',
    });
    expect(planReload('resolvers/functions/listCatalog.ts')).toEqual({
      kind: 'function',
      name: 'listCatalog',
      file: 'resolvers/functions/listCatalog.ts',
    });
    expect(planReload('resolvers/lib/keys.ts')).toEqual({ kind: 'all-appsync' });
    expect(planReload('functions/presign/handler.ts')).toEqual({ kind: 'lambda', name: 'presign' });
    expect(planReload('resolvers/types/schema.d.ts')).toEqual({ kind: 'none' });
    expect(planReload('resolvers/tsconfig.json')).toEqual({ kind: 'none' });
    expect(planReload('functions/README.md')).toEqual({ kind: 'none' });
  });
});

describe('seed catalog and media', () => {
  it('has at least 24 titles across several genres, each with a trailer', () => {
    expect(SEED_CATALOG.length).toBeGreaterThanOrEqual(24);
    expect(new Set(SEED_CATALOG.flatMap((t) => t.genres)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(SEED_CATALOG.map((t) => t.slug)).size).toBe(SEED_CATALOG.length);
    for (const title of SEED_CATALOG) {
      expect(title.trailers.length).toBeGreaterThan(0);
      expect(title.genres.length).toBeGreaterThan(0);
      expect(title.genres.length).toBeLessThanOrEqual(5);
      expect(title.synopsis.length).toBeLessThanOrEqual(2000);
    }
  });

  it(
    'has committed art for every title and its own 720p clip, as long as the catalog says, for every title and trailer',
    { timeout: ENCODE_TEST_TIMEOUT_MS },
    () => {
      let total = 0;
      for (const title of SEED_CATALOG) {
        for (const clip of clipsOf(title)) {
          const probe = JSON.parse(
            execFileSync(
              'ffprobe',
              [
                '-v',
                'error',
                '-show_entries',
                'stream=width,height:format=duration',
                '-of',
                'json',
                clip.file,
              ],
              { encoding: 'utf8' },
            ),
          ) as { streams: { width: number; height: number }[]; format: { duration: string } };
          expect(probe.streams[0], clip.file).toMatchObject({ width: 1280, height: 720 });
          expect(Number(probe.format.duration), clip.file).toBeCloseTo(clip.seconds, 0);
          total += statSync(clip.file).size;
        }
        expect(statSync(posterFile(title.slug)).size).toBeGreaterThan(1000);
        expect(statSync(backdropFile(title.slug)).size).toBeGreaterThan(1000);
      }
      // Small enough for the repository and CI (README, "Demo media").
      expect(total).toBeLessThanOrEqual(16 * 1024 * 1024);
    },
  );

  it(
    "keeps every clip's name and running timecode regions from collapsing into grey smear at the low bitrate",
    { timeout: ENCODE_TEST_TIMEOUT_MS },
    () => {
      const smeared = SEED_CATALOG.flatMap(clipsOf).flatMap(({ file }) =>
        Object.entries(labelContrasts(file))
          .filter(([label, contrast]) => contrast < LABELS[label as Label].least)
          .map(([label, contrast]) => `${path.basename(file)}: ${label} contrast ${contrast.toFixed(0)}`),
      );
      expect(smeared).toEqual([]);
    },
  );

  it('keeps feature clips 20-40 s and trailers 10-20 s and shorter than their title', () => {
    for (const title of SEED_CATALOG) {
      expect(title.durationSeconds).toBeGreaterThanOrEqual(20);
      expect(title.durationSeconds).toBeLessThanOrEqual(40);
      for (const trailer of title.trailers) {
        expect(trailer.durationSeconds).toBeGreaterThanOrEqual(10);
        expect(trailer.durationSeconds).toBeLessThanOrEqual(Math.min(20, title.durationSeconds));
      }
    }
  });
});

describe('API explorer', () => {
  const schema = `
    "The root."
    type Query { "Says hello." hello(name: String!): String @aws_cognito_user_pools when: AWSDateTime }
  `;

  it('documents the deployed schema, with AppSync scalars and directives declared', () => {
    const introspection = explorerIntrospection(schema) as IntrospectionQuery;
    const field = buildClientSchema(introspection).getQueryType()?.getFields().hello;
    expect(field?.description).toBe('Says hello.');
    expect(explorerIntrospection(undefined)).toBeNull();
    expect(explorerIntrospection('type Query { broken: Nope }')).toBeNull();
  });

  it('embeds its configuration safely in the page', () => {
    const page = explorerPage(
      {
        graphqlUrl: 'http://127.0.0.1:4000/graphql',
        cognitoEndpoint: 'http://127.0.0.1:4002',
        userPoolClientId: '</script><script>alert(1)</script>',
        demoAccounts: [],
        introspection: null,
      },
      '/explorer',
    );
    expect(page).toContain('<script type="module" src="/explorer/app.js"></script>');
    expect(page).not.toContain('</script><script>alert(1)');
    expect(page).toContain('\\u003c/script>');
    expect(page).toContain('<title>API explorer (local)</title>');
  });

  it("opens with Marquee's title and catalog query, which the twin itself does not know", () => {
    const config = {
      graphqlUrl: 'http://127.0.0.1:4000/graphql',
      cognitoEndpoint: 'http://127.0.0.1:4002',
      userPoolClientId: 'client',
      demoAccounts: [],
      introspection: null,
      ...MARQUEE_EXPLORER,
    };
    const page = explorerPage(config, '/explorer');
    expect(page).toContain('<title>Marquee API explorer (local)</title>');
    const embedded = /<script type="application\/json" id="[^"]+">(.*)<\/script>/.exec(page)?.[1] ?? '';
    expect(JSON.parse(embedded)).toMatchObject({ defaultQuery: expect.stringContaining('query Catalog') });
  });

  it('bundles GraphiQL and the sign-in bar for the browser without a CDN', async () => {
    const bundle = await bundleExplorer();
    expect(bundle.js).toContain('USER_PASSWORD_AUTH');
    expect(bundle.js).toContain('graphiql');
    expect(bundle.js).not.toMatch(/https:\/\/(unpkg|cdn\.jsdelivr|esm\.sh)/);
    expect(bundle.css).toContain('.graphiql-container');
  });
});
