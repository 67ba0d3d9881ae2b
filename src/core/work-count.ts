// How much geometry work the core has done since start: shapes built, unions made, overlays
// measured, geodesic crossings solved. Tests read it to show that a cached step recomputes nothing; the counting costs an
// increment.
export const workCount = { shapes: 0, unions: 0, overlays: 0, crossings: 0 };
