/**
 * The accuracy table a float32 implementation's operations follow: 'ieee-754' (round to nearest: tfjs
 * cpu, wasm, tensorflow) or 'wgsl' (the WebGPU shading language's looser table: tfjs on webgpu). The
 * suite derives its tolerances from it (properties/tolerance.ts); absent means 'ieee-754'.
 */
export type ArithmeticName = 'ieee-754' | 'wgsl';
