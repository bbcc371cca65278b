// How a function in a worker finds modules in its Lambda layers. Plain JavaScript, like worker-host.mjs.
//
// On AWS the layers are extracted into /opt and the Node.js runtime puts /opt/nodejs/node<major>/node_modules
// and /opt/nodejs/node_modules on NODE_PATH, ahead of the runtime's own modules (the AWS SDK); since
// nodejs18.x, ES module imports find layer packages too. So a bare specifier resolves from the function's own
// folder (/var/task) first, then from the layers, then from the runtime. Here the layers stay in their asset
// folders in cdk.out and the host's node_modules stand in for the runtime's modules, so a resolve hook keeps
// that order: a module found inside the function's or a layer's folder is used as Node found it; anything
// else (not found, or found in the host's node_modules) is looked up in the layers' module folders first.
import { createRequire, isBuiltin, registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NOT_A_PACKAGE = /^(\.{1,2}(\/|$)|\/|#|[a-zA-Z][a-zA-Z\d+.-]*:)/;

function inside(roots, url) {
  if (!url.startsWith('file:')) return false;
  const file = fileURLToPath(url);
  return roots.some((root) => file === root || file.startsWith(root + path.sep));
}

/**
 * @param {{ taskRoot: string, layerRoots: string[], moduleDirs: string[] }} layout `moduleDirs` in precedence
 *   order (see layers.ts); nothing is registered for a function without layers.
 */
export function resolveFromLayers({ taskRoot, layerRoots, moduleDirs }) {
  if (moduleDirs.length === 0) return;
  const ownFolders = [taskRoot, ...layerRoots];
  // require.resolve below runs these hooks again; the nested call must only do Node's own resolution.
  let searchingLayers = false;

  function findInLayers(specifier, context, nextResolve) {
    const required = context.conditions?.includes('require') ?? false;
    searchingLayers = true;
    try {
      for (const dir of moduleDirs) {
        // A file beside the module folder, so that Node's lookup starts in it.
        const parent = path.join(path.dirname(dir), 'index.js');
        try {
          const found = required
            ? { url: pathToFileURL(createRequire(parent).resolve(specifier)).href }
            : nextResolve(specifier, { ...context, parentURL: pathToFileURL(parent).href });
          // Node climbs out of the folder when it is not there; only a hit inside counts.
          if (inside([dir], found.url)) return { ...found, shortCircuit: true };
        } catch {
          // not in this folder
        }
      }
      return undefined;
    } finally {
      searchingLayers = false;
    }
  }

  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (searchingLayers || NOT_A_PACKAGE.test(specifier) || isBuiltin(specifier))
        return nextResolve(specifier, context);
      let found;
      let failure;
      try {
        found = nextResolve(specifier, context);
        if (inside(ownFolders, found.url)) return found;
      } catch (error) {
        failure = error;
      }
      const fromLayer = findInLayers(specifier, context, nextResolve);
      if (fromLayer) return fromLayer;
      if (found) return found;
      throw failure;
    },
  });
}
