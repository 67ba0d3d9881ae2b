// Whether this browser draws WebGL on the CPU: SwiftShader (Chromium without a usable GPU driver:
// virtual machines, remote desktops, old office PCs), Mesa's llvmpipe, Windows' Basic Render Driver.
// There multisampling is paid per pixel per frame (measured here: 0.45 s a frame of the sample at
// 1440 × 900 with it, 0.15 s without), while MapLibre draws its lines and fill edges antialiased
// itself; so the maps ask for it only on a real GPU. Likewise labels fade in only on a GPU: on the
// CPU each fade costs one or two more frames per move (3.5 frames a pan against 2, measured).
let software: boolean | null = null;

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|basic render|software/i;

export function softwareRenderer(name: string): boolean {
  return SOFTWARE_RENDERERS.test(name);
}

/** The renderer's name as WebGL gives it; '' when there is no WebGL (MapLibre then says so itself). */
function rendererName(): string {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return '';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return '';
  }
}

/** Whether WebGL draws on the CPU here (asked once). */
function onCpu(): boolean {
  software ??= softwareRenderer(rendererName());
  return software;
}

/** Whether the maps should ask WebGL for multisampling: on a GPU, yes; on the CPU, no. */
export function wantAntialias(): boolean {
  return !onCpu();
}

/** How long MapLibre fades labels in and out, in ms: its default on a GPU, none on the CPU. */
export function labelFadeMs(): number {
  return onCpu() ? 0 : 300;
}
