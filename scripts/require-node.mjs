// Stops a script that finds itself on an older Node.js than package.json's `engines.node`, saying what to do.
// Plain JavaScript so that it runs, and explains itself, on any Node (bash runs it as `node scripts/require-node.mjs`).
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = /^>=\s*(\d+)/.exec(packageJson.engines?.node ?? '');
const required = Number(wanted?.[1] ?? 0);
const running = Number(process.versions.node.split('.')[0]);

if (running < required) {
  console.error(
    [
      `Marquee needs Node.js ${required} or newer, but this is Node.js ${process.version} (${process.execPath}).`,
      `\`npm install\` puts Node.js ${required} into node_modules/.bin (the \`node\` devDependency), and npm scripts`,
      'put node_modules/.bin first on PATH. So:',
      '  - run the project through npm: `npm start`, `npm test`, `npm run synth`, `npx cdk …`;',
      '  - if node_modules/.bin/node is missing, run `npm install` again (it needs the npm registry);',
      '  - or install Node.js ' + required + ' yourself (https://nodejs.org/).',
    ].join('\n'),
  );
  process.exit(1);
}
