/** Something identification could not settle, phrased as the question to ask the customer. */
export interface OpenQuestion {
  key: string;
  question: string;
  why: string;
  priority: 'first_conversation' | 'high' | 'normal';
  streamId?: string;
}
