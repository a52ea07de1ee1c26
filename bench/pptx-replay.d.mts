/** One recorded call or property set, on the presentation ('pptx') or on the n-th slide. */
export interface PptxOperation {
  target: 'pptx' | number;
  kind: 'set' | 'call';
  name: string;
  args: unknown[];
}
/** Replays the calls on a new PptxGenJS and writes it DEFLATE-compressed: the floor. */
export function replayAndWrite(operations: readonly PptxOperation[]): Promise<Buffer>;
