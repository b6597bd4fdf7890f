/**
 * The part of web-ext's programmatic API the scripts use (web-ext ships no types):
 * https://extensionworkshop.com/documentation/develop/web-ext-command-reference/ names the options.
 */
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LintResult {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(options: { sourceDir: string; output: 'none' | 'json' | 'text' }, runOptions: { shouldExitProgram: false }): Promise<LintResult>;
      build(
        options: { sourceDir: string; artifactsDir: string; filename: string; overwriteDest: boolean },
        runOptions: { showReadyMessage: boolean },
      ): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
