/** Evidence that something happened or was completed: a document, record, photo or link, with when it was logged. */
export interface Evidence {
  readonly kind: 'document' | 'minutes' | 'report' | 'photo' | 'link' | 'record' | 'test-result';
  /** Document number, file name or URL. */
  readonly reference: string;
  readonly description?: string;
  readonly recordedUtc: number;
}
