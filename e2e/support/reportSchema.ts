import Ajv from 'ajv';
import schema from '../../src/core/report.schema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: true });
// ajv knows no formats without ajv-formats; a date-time is checked by parsing it instead.
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validate = ajv.compile(schema);

/** Throws with ajv's messages when `report` does not match report.schema.json. */
export function assertValidReport(report: unknown): void {
  if (!validate(report)) throw new Error(`report does not match its schema: ${ajv.errorsText(validate.errors)}`);
}
