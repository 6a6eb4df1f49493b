import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './platform';

let platform: Platform | undefined;

/** The desktop bridge when the preload exposed one, the browser's APIs otherwise. */
export function getPlatform(): Platform {
  platform ??= window.zonelink ? createElectronPlatform(window.zonelink) : createBrowserPlatform();
  return platform;
}
