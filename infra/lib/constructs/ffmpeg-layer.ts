import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { projectPath } from '../paths';

/**
 * Static x86-64 builds from npm (GPLv3; docs/api.md, "ffmpeg"): ffmpeg from `@ffmpeg-installer/linux-x64`
 * (johnvansickle N-47683, Dec 2018) and ffprobe from `@ffprobe-installer/linux-x64` (N-66595, Jul 2023).
 * They are devDependencies, so synth copies them into the layer offline; the layer puts them at /opt/bin.
 */
export const FFMPEG_LAYER_BINARIES = {
  ffmpeg: projectPath('node_modules', '@ffmpeg-installer', 'linux-x64', 'ffmpeg'),
  ffprobe: projectPath('node_modules', '@ffprobe-installer', 'linux-x64', 'ffprobe'),
} as const;

/** A layer of `bin/ffmpeg` and `bin/ffprobe`, bundled locally (no Docker; the image is never pulled). */
export class FfmpegLayer extends Construct {
  readonly layer: lambda.LayerVersion;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.layer = new lambda.LayerVersion(this, 'Layer', {
      description: 'Static ffmpeg (4.1-era) and ffprobe (6.1-dev) builds, GPLv3, x86-64, in /opt/bin',
      compatibleArchitectures: [lambda.Architecture.X86_64],
      license: 'GPL-3.0-or-later',
      code: lambda.Code.fromAsset(projectPath('node_modules', '@ffmpeg-installer', 'linux-x64'), {
        // The pinned package versions name the content: no hashing of 147 MB of binaries on every synth, and
        // an assembly that already holds the layer skips the copy.
        assetHashType: AssetHashType.CUSTOM,
        assetHash: 'ffmpeg-installer-linux-x64-4.1.0_ffprobe-installer-linux-x64-5.2.0',
        bundling: {
          image: DockerImage.fromRegistry('scratch'),
          local: {
            tryBundle(outputDir: string): boolean {
              const bin = join(outputDir, 'bin');
              mkdirSync(bin, { recursive: true });
              for (const [name, file] of Object.entries(FFMPEG_LAYER_BINARIES)) {
                if (!existsSync(file))
                  throw new Error(`${file} is missing: run npm ci (it is a devDependency).`);
                copyFileSync(file, join(bin, name));
                // npm 11 does not run the packages' `chmod` postinstall scripts unless approved.
                chmodSync(join(bin, name), 0o755);
              }
              return true;
            },
          },
        },
      }),
    });
  }
}
