// Lints the scratch project's src/ with onesocket/eslint through ESLint's API, as a team's
// script would, and prints the messages as JSON (run by e2e/package.spec.ts).
import { ESLint } from 'eslint';
import path from 'node:path';
import onesocket from 'onesocket/eslint';

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }, onesocket.configs.recommended],
});
const results = await eslint.lintFiles(['src']);
console.log(JSON.stringify(results.flatMap((result) => result.messages.map((message) => ({ file: path.basename(result.filePath), rule: message.ruleId, line: message.line, message: message.message })))));
