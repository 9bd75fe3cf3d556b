import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectionBounds } from './overlay-bounds.ts';

describe('collectionBounds', () => {
  it('covers points, lines and polygons', () => {
    const b = collectionBounds({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [127.96, 37.44] } },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [127.96, 37.44],
              [127.65, 26.2],
            ],
          },
        },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [129, 34],
                [130, 34],
                [130, 35],
                [129, 34],
              ],
            ],
          },
        },
      ],
    });
    assert.deepEqual(b, [
      [127.65, 26.2],
      [130, 37.44],
    ]);
  });

  it('pads a single point and answers undefined for nothing', () => {
    const b = collectionBounds({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [129, 34] } }],
    });
    assert.deepEqual(b, [
      [128.75, 33.75],
      [129.25, 34.25],
    ]);
    assert.equal(collectionBounds({ type: 'FeatureCollection', features: [] }), undefined);
  });
});
