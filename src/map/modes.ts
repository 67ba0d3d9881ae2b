// The map's modes. One is active at a time; each is a handler the adapter enters and leaves, kept
// in its own file (edit-mode.ts; review and present come in their own files), so the adapter
// itself stays a narrow surface: project in, changes out.
export type MapModeName = 'view' | 'edit' | 'review' | 'present';

export interface MapModeHandler {
  /** starts the mode (its tools, its layers); may load its code first */
  enter(): Promise<void> | void;
  /** stops it and takes off everything it added to the map */
  leave(): void;
  /** the project shown changed while the mode is active */
  projectChanged?(): void;
}
