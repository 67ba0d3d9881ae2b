// Which WebGL renderers draw on the CPU (no multisampling there, src/map/gpu.ts): names as browsers
// report them for SwiftShader, Mesa's llvmpipe and Windows' Basic Render Driver, against real GPUs.
import { describe, expect, it } from 'vitest';
import { softwareRenderer } from '../../src/map/gpu.ts';

describe('software WebGL renderers', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  ])('%s is drawn on the CPU', (name) => {
    expect(softwareRenderer(name)).toBe(true);
  });
  it.each([
    'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (NVIDIA, NVIDIA GeForce GTX 1050 Ti Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple M1',
    'Mali-G78',
  ])('%s is a GPU', (name) => {
    expect(softwareRenderer(name)).toBe(false);
  });
});
