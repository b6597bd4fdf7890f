#!/usr/bin/env node
// The CLI's TypeScript runs in place (no build step of its own): the module hooks in
// scripts/tsHooks.mjs strip its types as Node loads it.
import { register } from 'node:module';

register('../scripts/tsHooks.mjs', import.meta.url);
await import('../src/cli/main.ts');
