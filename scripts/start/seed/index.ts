import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SEED_CATALOG, type SeedTitle } from './catalog';
import {
  DEMO_ACCOUNTS,
  ensureDemoAccount,
  signInForIdToken,
  type DemoAccount,
  type PoolClient,
} from './demo-accounts';
import { localCognitoClient } from 'appsync-twin';
import type { BackgroundPoll } from './background-poll';
import { watchMediaReadiness } from './media-readiness';
import { CatalogSeeder, seedTitleKey, type CatalogSeedReport, type MediaTally } from './seed-catalog';
import { DEMO_LIBRARY, seedLibrary, type SeedLibraryFile } from './seed-library';
import { cacheEntryPrefix, sha256OfFile } from '../../../functions/media/lib/cache-key';
import type { MediaSlot } from '../../../functions/media/lib/source-key';
import { backdropFile, clipsOf, posterFile } from './media-files';
import { SeedOutputMirror, type BackgroundHarvest, type SeedOutputCache } from './output-cache-mirror';

export { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts';

export interface SeedTarget {
  readonly graphqlUrl: string;
  readonly cognitoEndpoint: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /**
   * Records which catalog was seeded into this data folder. When it names the current catalog, the
   * catalog is left alone: titles an admin deleted or edited stay that way, and a restart is quicker.
   */
  readonly stateFile?: string;
  /**
   * Keeps the seed media's processed outputs on this machine (output-cache-mirror.ts): outputs made before are
   * put in place instead of being made again, and new ones are copied to disk as they become READY.
   */
  readonly outputCache?: SeedOutputCache;
}

export interface SeedReport extends CatalogSeedReport {
  readonly accountsCreated: number;
  readonly titles: number;
  /** True when the state file showed this catalog was already seeded, so it was not checked again. */
  readonly alreadySeeded: boolean;
  /** How many of the seed's media files had processed outputs cached on this machine (with `outputCache`). */
  readonly cachedOutputs?: number;
  /** With `outputCache`: copies outputs to disk as the pipeline makes them; stop it when the stack stops. */
  readonly harvest?: BackgroundHarvest;
  /** Settles with the catalog's media tally once nothing is left to process; stop it when the stack stops. */
  readonly mediaReadiness: BackgroundPoll<MediaTally>;
  /** Items added to the demo viewer's empty library (absent when none were). */
  readonly libraryItemsCreated?: number;
}

/** Every media file the catalog seeds, with the pipeline slot that processes it. */
export function seedMediaFiles(catalog: readonly SeedTitle[]): { file: string; slot: MediaSlot }[] {
  return catalog.flatMap((title) => [
    ...clipsOf(title).map(({ file }) => ({ file, slot: 'video' as const })),
    { file: posterFile(title.slug), slot: 'poster' as const },
    { file: backdropFile(title.slug), slot: 'backdrop' as const },
  ]);
}

async function seedOutputMirror(
  cache: SeedOutputCache,
  catalog: readonly SeedTitle[],
): Promise<SeedOutputMirror> {
  const entries = await Promise.all(
    seedMediaFiles(catalog).map(async ({ file, slot }) => cacheEntryPrefix(slot, await sha256OfFile(file))),
  );
  return new SeedOutputMirror(cache, [...new Set(entries)]);
}

/** Identifies a catalog (titles, trailers and the media files they use). */
export function catalogFingerprint(catalog: readonly SeedTitle[]): string {
  return createHash('sha256').update(JSON.stringify(catalog)).digest('hex').slice(0, 16);
}

function seededFingerprint(stateFile: string | undefined): string | undefined {
  if (!stateFile || !existsSync(stateFile)) return undefined;
  try {
    return (JSON.parse(readFileSync(stateFile, 'utf8')) as { catalog?: string }).catalog;
  } catch {
    return undefined; // unreadable: seed again, which is idempotent
  }
}

/** Demo content only: a failure is reported and the stack starts without it. */
async function seedViewerLibrary(
  graphqlUrl: string,
  pool: PoolClient,
  viewer: DemoAccount,
  library: readonly SeedLibraryFile[],
): Promise<number> {
  try {
    return await seedLibrary(
      graphqlUrl,
      await signInForIdToken(pool, viewer.username, viewer.password),
      library,
    );
  } catch (error) {
    console.warn(`Seeding the demo viewer's library: ${String(error)}`);
    return 0;
  }
}

/** How many titles are seeded at once: enough to overlap round trips, few enough for a 2-core machine. */
const CONCURRENT_TITLES = 4;

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let index = 0; index < items.length; index += size) {
    await Promise.all(items.slice(index, index + size).map(work));
  }
}

/**
 * Seeds a running stack: the demo accounts (Cognito admin API), then the catalog with its media
 * (admin GraphQL mutations and presigned uploads). Idempotent: a second run creates and uploads nothing;
 * with a `stateFile` it does not even look at a catalog it already seeded.
 */
export async function seedLocalStack(
  target: SeedTarget,
  catalog: readonly SeedTitle[] = SEED_CATALOG,
  accounts: readonly DemoAccount[] = DEMO_ACCOUNTS,
  library: readonly SeedLibraryFile[] = DEMO_LIBRARY,
): Promise<SeedReport> {
  const cognito = localCognitoClient(target.cognitoEndpoint);
  const pool = { cognito, userPoolId: target.userPoolId, clientId: target.userPoolClientId };
  try {
    let accountsCreated = 0;
    for (const account of accounts) {
      if ((await ensureDemoAccount(pool, account)) === 'created') accountsCreated += 1;
    }
    const admin = accounts.find((account) => account.role === 'admin');
    if (!admin) throw new Error('Seeding the catalog needs an admin demo account');
    const seeder = new CatalogSeeder(
      target.graphqlUrl,
      await signInForIdToken(pool, admin.username, admin.password),
    );
    const mediaReadiness = (): BackgroundPoll<MediaTally> =>
      watchMediaReadiness(seeder, (error) =>
        console.warn(`Reading the seed media's status: ${String(error)}`),
      );
    const fingerprint = catalogFingerprint(catalog);
    const emptyReport = { titlesCreated: 0, trailersCreated: 0, filesUploaded: 0 };
    const mirror = target.outputCache ? await seedOutputMirror(target.outputCache, catalog) : undefined;
    const harvest = (): BackgroundHarvest | undefined =>
      mirror?.harvestInBackground((error) =>
        console.warn(`Caching the seed media outputs: ${String(error)}`),
      );
    if (seededFingerprint(target.stateFile) === fingerprint) {
      // Outputs of a start that stopped before its media was processed are copied when they are made.
      return {
        ...emptyReport,
        accountsCreated,
        titles: catalog.length,
        alreadySeeded: true,
        harvest: harvest(),
        mediaReadiness: mediaReadiness(),
      };
    }
    const cachedOutputs = await mirror?.hydrate();
    const existing = await seeder.existingTitles();
    await inBatches(catalog, CONCURRENT_TITLES, (title) =>
      seeder.seedTitle(title, existing.get(seedTitleKey(title))),
    );
    // The demo viewer's My Library is not empty on a first start (later starts leave it as the viewer left it).
    const viewer = accounts.find((account) => account.role === 'viewer');
    const libraryItemsCreated = viewer
      ? await seedViewerLibrary(target.graphqlUrl, pool, viewer, library)
      : 0;
    if (target.stateFile) {
      writeFileSync(
        target.stateFile,
        `${JSON.stringify({ catalog: fingerprint, seededAt: new Date().toISOString() })}\n`,
      );
    }
    return {
      ...seeder.report,
      accountsCreated,
      titles: catalog.length,
      alreadySeeded: false,
      mediaReadiness: mediaReadiness(),
      ...(libraryItemsCreated > 0 ? { libraryItemsCreated } : {}),
      ...(mirror ? { cachedOutputs, harvest: harvest() } : {}),
    };
  } finally {
    cognito.destroy();
  }
}
