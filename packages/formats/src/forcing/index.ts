export { openGriddedSource, openForcingFile } from './open-gridded-source.ts';
export type { OpenGriddedOptions, ClosableSource } from './open-gridded-source.ts';
export { GriddedSource } from './gridded-source.ts';
export type { GriddedSourceInfo } from './gridded-source.ts';
export { VECTOR_STANDARD_NAMES, VECTOR_VARIABLE_ALIASES, findVectorPair } from './vector-variables.ts';
export type { VectorAlias, VectorPair, VectorVariableNames } from './vector-variables.ts';
export { inspectForcingFile } from './inspect-forcing-file.ts';
export type { FieldInspection, ForcingFileInspection } from './inspect-forcing-file.ts';
export {
  CATALOGUE_FILE,
  dataDirectory,
  readCatalogue,
  upsertCatalogueEntry,
  writeCatalogue,
} from './data-catalogue.ts';
export type { CatalogueEntry, DataCatalogue } from './data-catalogue.ts';
