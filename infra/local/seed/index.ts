import { SEED_CATALOG, type SeedTitle } from './catalog';
import { DEMO_ACCOUNTS, ensureDemoAccount, signInForIdToken, type DemoAccount } from './demo-accounts';
import { localCognitoClient } from '../services/local-clients';
import { CatalogSeeder, seedTitleKey, type CatalogSeedReport } from './seed-catalog';

export { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts';

export interface SeedTarget {
  readonly graphqlUrl: string;
  readonly cognitoEndpoint: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

export interface SeedReport extends CatalogSeedReport {
  readonly accountsCreated: number;
  readonly titles: number;
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
 * (admin GraphQL mutations and presigned uploads). Idempotent: a second run creates and uploads nothing.
 */
export async function seedLocalStack(
  target: SeedTarget,
  catalog: readonly SeedTitle[] = SEED_CATALOG,
  accounts: readonly DemoAccount[] = DEMO_ACCOUNTS,
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
    const existing = await seeder.existingTitles();
    await inBatches(catalog, CONCURRENT_TITLES, (title) =>
      seeder.seedTitle(title, existing.get(seedTitleKey(title))),
    );
    return { ...seeder.report, accountsCreated, titles: catalog.length };
  } finally {
    cognito.destroy();
  }
}
