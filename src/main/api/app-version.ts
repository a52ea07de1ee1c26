import packageJson from '../../../package.json' with { type: 'json' };

/** The app's version as released (package.json). */
export const APP_VERSION: string = packageJson.version;
