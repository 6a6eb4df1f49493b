import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

// electron-builder needs downloads to build installers, but its configuration check runs offline:
// app-builder-lib's validateConfiguration (the JSON schema electron-builder itself applies).
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled?: boolean) => unknown };
const config = require('../../../build/electron-builder.config.cjs') as Record<string, unknown> & {
  directories: { buildResources: string };
  icon: string;
};

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('fails validation with an unknown key or a wrong type (the check is real)', async () => {
    await expect(validateConfiguration({ ...structuredClone(config), appIdd: 'x' }, new DebugLogger(false))).rejects.toThrow(/appIdd/);
    await expect(
      validateConfiguration({ ...structuredClone(config), linux: { target: ['AppImage'], categry: 'Office' } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration\.linux/);
    await expect(validateConfiguration({ ...structuredClone(config), asar: 'yes' }, new DebugLogger(false))).rejects.toThrow(/asar/);
  });

  it('packs only the bundles, for every platform, with the pinned Electron', () => {
    expect(config).toMatchObject({
      appId: 'be.zonelink.app',
      productName: 'Zonelink',
      electronVersion: '45.5.0',
      directories: { output: 'release', buildResources: 'build' },
      files: ['dist/**/*', 'package.json'],
      asar: true,
      win: { target: ['nsis', 'portable'] },
      linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: expect.stringMatching(/^.+ <.+@.+>$/) },
      mac: { target: ['dmg'] },
    });
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; productName: string; dependencies?: object };
    expect(pkg.main).toMatch(/^dist\//);
    expect(pkg.productName).toBe(config.productName);
    // No runtime dependencies: nothing native to rebuild, nothing in node_modules to pack.
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('has a 512×512 PNG icon in the build resources', () => {
    const png = readFileSync(`${config.directories.buildResources}/${config.icon}`);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
