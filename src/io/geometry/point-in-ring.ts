// The ray-casting test lives in core (the map's picking uses it too); io's readers import it here.
export { pointInRing } from '../../core/point-in-ring.ts';
