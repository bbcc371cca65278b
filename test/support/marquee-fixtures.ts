import { cognitoUser, createResolverHarness, type ResolverHarness } from './resolver-harness';

export const admin = cognitoUser('admin-sub', ['admin']);
export const viewer = cognitoUser('viewer-sub');
export const otherViewer = cognitoUser('other-viewer-sub');

/** The resolver harness with the three fixture users signed up. */
export async function createMarqueeHarness(): Promise<ResolverHarness> {
  const api = await createResolverHarness();
  await api.signUp(admin, viewer, otherViewer);
  return api;
}

export interface CreatedMovie {
  id: string;
  title: string;
  durationSeconds: number;
  createdAt: string;
}

let counter = 0;

/** Creates a title through the real createMovie resolver. */
export async function createMovie(
  api: ResolverHarness,
  overrides: Partial<{ title: string; genres: string[]; durationSeconds: number; year: number }> = {},
): Promise<CreatedMovie> {
  counter += 1;
  return api.data<CreatedMovie>(
    'Mutation',
    'createMovie',
    {
      input: {
        title: overrides.title ?? `Test Title ${counter}`,
        synopsis: 'A test synopsis.',
        year: overrides.year ?? 2020,
        genres: overrides.genres ?? ['DRAMA'],
        maturityRating: 'AGE_13',
        durationSeconds: overrides.durationSeconds ?? 6000,
      },
    },
    admin,
  );
}

/**
 * Device clock times for one test, all relative to one instant taken once: their order is the order of the
 * offsets, however long the requests between them take (a clock read between awaits would not be).
 */
export function deviceClock(): (offsetMs: number) => string {
  const base = Date.now();
  return (offsetMs) => new Date(base + offsetMs).toISOString();
}
