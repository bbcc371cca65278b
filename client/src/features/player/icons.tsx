/**
 * Control icons as inline SVG: emoji and symbol glyphs (🔊, ⧉, ⛶) are missing from many system fonts and
 * show as empty boxes. Decorative only: every control has its own accessible name.
 */
function Icon({ path }: { readonly path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}

const SPEAKER = 'M4 9h4l5-4v14l-5-4H4z';

export const VolumeIcon = () => <Icon path={`${SPEAKER} M16 9a4 4 0 0 1 0 6 M18.5 6.5a7.5 7.5 0 0 1 0 11`} />;
export const MutedIcon = () => <Icon path={`${SPEAKER} M16 9l5 6 M21 9l-5 6`} />;
export const PictureInPictureIcon = () => <Icon path="M3 5h18v14H3z M12 12h7v5h-7z" />;
export const FullscreenIcon = () => <Icon path="M4 9V4h5 M15 4h5v5 M20 15v5h-5 M9 20H4v-5" />;
