// Bundles the main process and the preload into one CommonJS file each. A sandboxed preload
// cannot load local modules, so everything but `electron` is inlined.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', external: ['electron'], sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
