import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router';
import { EmptyState, FullPageSpinner } from '../components/States';
import { AccountScreen } from '../features/account/AccountScreen';
import { CollectionScreen } from '../features/collections/CollectionScreen';
import { CollectionsScreen } from '../features/collections/CollectionsScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { SearchScreen } from '../features/search/SearchScreen';
import { TitleScreen } from '../features/title/TitleScreen';
import type { SignedInUser } from '../lib/auth';
import { Layout } from './Layout';

// Loaded on demand: most visits never play a video or open the admin screens.
const PlayerScreen = lazy(() => import('../features/player/PlayerScreen'));
const LibraryPlayerScreen = lazy(() => import('../features/player/LibraryPlayerScreen'));
const AdminScreen = lazy(() => import('../features/admin/AdminScreen'));
const LibraryScreen = lazy(() => import('../features/library/LibraryScreen'));
const LibraryItemScreen = lazy(() => import('../features/library/LibraryItemScreen'));

export function AppRoutes({ user }: { user: SignedInUser }) {
  const isAdmin = user.groups.includes('admin');
  return (
    <Routes>
      <Route
        path="/watch/:movieId"
        element={
          <Suspense fallback={<FullPageSpinner label="Loading the player" />}>
            <PlayerScreen />
          </Suspense>
        }
      />
      <Route
        path="/library/:itemId/watch"
        element={
          <Suspense fallback={<FullPageSpinner label="Loading the player" />}>
            <LibraryPlayerScreen />
          </Suspense>
        }
      />
      <Route element={<Layout isAdmin={isAdmin} />}>
        <Route index element={<HomeScreen />} />
        <Route path="title/:movieId" element={<TitleScreen />} />
        <Route path="search" element={<SearchScreen />} />
        <Route
          path="library"
          element={
            <Suspense fallback={<FullPageSpinner label="Loading My Library" />}>
              <LibraryScreen />
            </Suspense>
          }
        />
        <Route
          path="library/:itemId"
          element={
            <Suspense fallback={<FullPageSpinner label="Loading the item" />}>
              <LibraryItemScreen />
            </Suspense>
          }
        />
        <Route path="collections" element={<CollectionsScreen />} />
        <Route path="collections/:id" element={<CollectionScreen />} />
        <Route path="account" element={<AccountScreen />} />
        <Route
          path="admin/*"
          element={
            isAdmin ? (
              <Suspense fallback={<FullPageSpinner label="Loading admin" />}>
                <AdminScreen />
              </Suspense>
            ) : (
              <EmptyState title="This page is for admins">
                <p>
                  Your account is not in the <strong>admin</strong> group, so it cannot manage the catalogue.
                </p>
                <Link className="button" to="/">
                  Back to Home
                </Link>
              </EmptyState>
            )
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
