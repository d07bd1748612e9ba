/**
 * The version of HiGHS that prefgame is built and tested with (the one the locked `highs`
 * package ships), e.g. `1.15.1`, known without loading the WebAssembly; a test checks it against
 * the loaded runtime (`highsRuntime().version.string`).
 */
export const highsVersion: string = '1.15.1';
