/**
 * A figure with its provenance. `published` figures cite where they come from; `input` figures are planning
 * assumptions that the exchange officer must confirm or replace (issue 8: no reserve rule or cruise speed is
 * published for the T-50B or T-4, so those are inputs per type).
 */
export interface SourcedValue {
  readonly value: number;
  readonly kind: 'published' | 'input';
  /** Citation for a published figure, or who/what set an input. */
  readonly source: string;
}

export function publishedFigure(value: number, source: string): SourcedValue {
  return { value, kind: 'published', source };
}

export function inputFigure(value: number, source: string): SourcedValue {
  return { value, kind: 'input', source };
}
