import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { RemotePositionBanner } from '../features/player/RemotePositionBanner';
import { usePlaybackSync } from '../features/player/playback-sync';

export function Layout({ isAdmin }: { isAdmin: boolean }) {
  const [scrolled, setScrolled] = useState(false);
  const location = useLocation();
  usePlaybackSync();

  useEffect(() => {
    const onScroll = () => setScrolled(window.scrollY > 8);
    onScroll();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={`topbar${scrolled ? ' topbar--solid' : ''}`}>
        <NavLink to="/" className="topbar__brand" aria-label="Marquee home">
          MARQUEE
        </NavLink>
        <nav className="topbar__nav" aria-label="Main">
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/search">Search</NavLink>
          <NavLink to="/library">My Library</NavLink>
          <NavLink to="/collections">Collections</NavLink>
          {isAdmin && <NavLink to="/admin">Admin</NavLink>}
          <NavLink to="/account">Account</NavLink>
        </nav>
      </header>
      <RemotePositionBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
