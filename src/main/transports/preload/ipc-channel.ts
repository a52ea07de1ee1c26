/** The one IPC channel the renderer may use; the method name travels as the first argument. */
export const IPC_INVOKE_CHANNEL = 'qbr:invoke';
