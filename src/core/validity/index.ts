// One validity engine for polygonal geometry (GEOS IsValidOp's classes, GEOS MakeValid's areas),
// used by validate, area, report, import and editing alike.
export { checkPolygon, pointInFlatRing } from './check.ts';
export { findContacts, type Contact } from './contacts.ts';
export {
  isValidityCode,
  VALIDITY_CODES,
  VALIDITY_SEVERITY,
  validityMessage,
  type ValidityCode,
  type ValidityIssue,
} from './issues.ts';
export { makeValidPolygon, signedArea } from './make-valid.ts';
export { oriented, validatePolygonal, withoutRepeatsFlat, type PolygonalValidity } from './polygonal.ts';
