// web-ext ships no types; only its lint command is used (packages.test.ts).
declare module 'web-ext' {
  const webExt: {
    cmd: { lint(params: { sourceDir: string; output: 'none' | 'json' | 'text' }, options: { shouldExitProgram: boolean }): Promise<unknown> };
  };
  export default webExt;
}
