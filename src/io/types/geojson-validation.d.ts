// Types for the parts of geojson-validation (no published types) that zonemap calls.
declare module 'geojson-validation' {
  interface GeoJsonValidation {
    /** with trace = true: the list of error strings, empty when valid */
    isFeature(feature: unknown, trace: true): string[];
    isGeometryObject(geometry: unknown, trace: true): string[];
    valid(object: unknown, trace: true): string[];
  }
  const gjv: GeoJsonValidation;
  export default gjv;
}
