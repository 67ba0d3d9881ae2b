// The inspector's words for a property value the data writes as a code: a zone's category, a
// village's relocation, a road's class and status, an enterprise's status, in the catalogue's words.
// Other values are shown as the data has them.
import { relocationStatus, roadStatus, zoneCategory } from '../core/fields.ts';
import {
  categoryLabel,
  enterpriseStatusLabel,
  relocationLabel,
  roadClassLabel,
  roadStatusLabel,
  type Lang,
} from '../core/labels.ts';
import type { ProjectLayer } from '../core/types.ts';

/** The label for `value` of property `key`, or undefined when the value is shown as it is. */
export function valueLabel(layer: ProjectLayer, key: string, value: unknown, lang: Lang): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const is = (canonical: string) => layer.fields[canonical] === key;
  switch (layer.role) {
    case 'zone': {
      const c = is('category') ? zoneCategory(value) : undefined;
      return c ? categoryLabel(c, lang) : undefined;
    }
    case 'village': {
      const r = is('relocation') ? relocationStatus(value) : undefined;
      return r ? relocationLabel(r, lang) : undefined;
    }
    case 'road':
      if (is('status')) return roadStatusLabel(roadStatus(value), lang);
      if (is('class')) return roadClassLabel(value.trim(), lang);
      return undefined;
    case 'enterprise':
      return is('status') ? enterpriseStatusLabel(value, lang) : undefined;
    default:
      return undefined;
  }
}
