// The edit mode as the first page carries it: a stand-in that loads the edit mode's code (the
// terra-draw glue, core's editing with the validity engine and the clipping library) when editing
// starts, so none of it weighs on the first page (test/browser/first-page.test.ts).
import type { EditEvents, EditMode, EditTool } from './edit-mode.ts';
import type { MapView } from './map-view.ts';
import type { MapModeHandler } from './modes.ts';

export class LazyEditMode implements MapModeHandler {
  private real: EditMode | null = null;
  private loading: Promise<EditMode> | null = null;
  private active = false;

  constructor(
    private readonly view: MapView,
    private readonly events: EditEvents,
  ) {}

  private load(): Promise<EditMode> {
    this.loading ??= import('./edit-mode.ts').then(
      (m) => (this.real = new m.EditMode(this.view, this.events)),
    );
    return this.loading;
  }

  async enter(): Promise<void> {
    this.active = true;
    const mode = await this.load();
    // left again while the code was loading: nothing to start
    if (this.active) await mode.enter();
  }

  leave(): void {
    this.active = false;
    this.real?.leave();
  }

  projectChanged(): void {
    if (this.active) this.real?.projectChanged();
  }

  setTool(tool: EditTool): void {
    this.real?.setTool(tool);
  }

  escape(): void {
    this.real?.escape();
  }

  deleteSelected(): void {
    this.real?.deleteSelected();
  }
}
