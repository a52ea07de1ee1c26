import PptxGenJS from 'pptxgenjs';
import type { DeckDocument } from '../src/shared/deck/deck-document';
import { buildPresentation } from '../src/main/render/render-deck';
import type { PptxOperation } from './pptx-replay.mjs';

export { replayAndWrite } from './pptx-replay.mjs';

/*
 * The one-deck floor is bare pptxgenjs writing the same slides, charts, tables and notes. To get
 * exactly the same content without our layout, text fitting or repair, buildPresentation runs
 * once against a recording proxy; the floor then replays the recorded calls on a fresh
 * PptxGenJS and writes it with compression.
 */

/** The calls a deck makes; replay them as often as needed. */
export interface PptxRecording {
  operations: PptxOperation[];
  slideCount: number;
}

/** Records every pptxgenjs call buildPresentation makes for `document`. */
export function recordPptxCalls(document: DeckDocument): PptxRecording {
  const operations: PptxOperation[] = [];
  let slideCount = 0;
  const recordingSlide = (slide: object, index: number): object => {
    const proxy: object = new Proxy(slide, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          // Cloned before the call: pptxgenjs mutates some option objects it is given.
          operations.push({ target: index, kind: 'call', name: property, args: structuredClone(args) });
          const result = value.apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };
  const pptx = new Proxy(new PptxGenJS(), {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        operations.push({ target: 'pptx', kind: 'call', name: property, args: structuredClone(args) });
        const result = value.apply(target, args);
        return property === 'addSlide' ? recordingSlide(result as object, slideCount++) : result;
      };
    },
    set(target, property, value) {
      if (typeof property === 'string') operations.push({ target: 'pptx', kind: 'set', name: property, args: [structuredClone(value)] });
      return Reflect.set(target, property, value);
    },
  });
  buildPresentation(document, pptx);
  return { operations, slideCount };
}

/** A fresh copy of the recorded calls for one replay, made outside the timed region. */
export function replayInput(recording: PptxRecording): PptxOperation[] {
  return structuredClone(recording.operations);
}
