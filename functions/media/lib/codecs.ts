/**
 * RFC 6381 codec strings for the master playlist's CODECS (https://datatracker.ietf.org/doc/html/rfc6381#section-3.3):
 * `avc1.PPCCLL` is profile_idc, constraint flags and level_idc in hex.
 */
const AVC_PROFILES: Readonly<Record<string, { idc: number; constraints: number }>> = {
  'Constrained Baseline': { idc: 66, constraints: 0xe0 },
  Baseline: { idc: 66, constraints: 0x00 },
  Main: { idc: 77, constraints: 0x40 },
  High: { idc: 100, constraints: 0x00 },
};

function hex(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/** From ffprobe's `profile` name and numeric `level` of an H.264 stream, e.g. High, 31 → `avc1.64001f`. */
export function avcCodecString(profile: string, level: number): string {
  const known = AVC_PROFILES[profile];
  if (!known) throw new Error(`Unexpected H.264 profile ${profile}`);
  return `avc1.${hex(known.idc)}${hex(known.constraints)}${hex(level)}`;
}

/** AAC-LC, which ffmpeg's native `aac` encoder writes. */
export const AAC_LC = 'mp4a.40.2';
