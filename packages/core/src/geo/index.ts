export * from './lon-lat.ts';
export * from './ellipsoid.ts';
export * from './geodesic.ts';
export * from './local-tangent-plane.ts';
