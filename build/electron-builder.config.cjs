// Installers (`npm run dist`): Windows (NSIS installer and a portable .exe), Linux (AppImage, .deb)
// and macOS (.dmg). Vite and esbuild bundle everything, so only dist/ and package.json are
// packed and there are no native modules to rebuild. test/unit/electron/builder-config.test.ts
// validates this file offline with app-builder-lib's own schema check.

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  appId: 'be.zonelink.app',
  // The user-data folder (and with it the IndexedDB of app://zonelink) is named after the
  // product: renaming it would strand every station's data (docs/decisions/0002).
  productName: 'Zonelink',
  electronVersion: '45.5.0',
  directories: { output: 'release', buildResources: 'build' },
  files: ['dist/**/*', 'package.json'],
  asar: true,
  npmRebuild: false,
  nodeGypRebuild: false,
  icon: 'icons/icon.png',
  // Electron's security switches: no running as plain Node, no NODE_OPTIONS or --inspect, the
  // app only from its (integrity-checked) asar, no extra privileges for file://.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: { target: ['nsis', 'portable'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Zonelink <zonelink@example.invalid>',
    synopsis: 'Police zones share means, people and planning, offline first',
  },
  mac: { target: ['dmg'], category: 'public.app-category.productivity' },
};
