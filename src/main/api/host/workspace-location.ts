/** Workspace locations (file path or postgres:// URL) for the transports, which reach storage only through the api layer. */
export { isPostgresUrl, redactedUrl, resolveWorkspaceLocation } from '../../storage/workspace/workspace-location';
