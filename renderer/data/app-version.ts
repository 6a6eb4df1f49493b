/** This app's version (package.json): written into bundles' meta and a new roster's minimum. */
export const APP_VERSION = '0.1.0';
