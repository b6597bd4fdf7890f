import { duplicateConnection } from './duplicateConnection';
import { duplicateEndpoint } from './duplicateEndpoint';
import type { Rule } from './types';

/** Every rule that looks at one tab's state. */
export const TAB_RULES: readonly Rule[] = [duplicateConnection, duplicateEndpoint];
