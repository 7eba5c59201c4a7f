// Rules every free-text field shares, in the browser and at the server's edge.
import type { z } from 'zod';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export const CONTROL_CHARACTER_MESSAGE = 'Remove the control character (such as a tab, a line break or U+0000).';

/** True when `text` holds no control character (U+0000–U+001F, U+007F). */
export function hasNoControlCharacter(text: string): boolean {
  return !CONTROL_CHARACTER.test(text);
}

/**
 * `schema` refusing control characters: nothing a person types into a one-line field, and U+0000
 * cannot be stored by PostgreSQL at all. Every text field a request carries goes through this.
 */
export function withoutControlCharacters<TSchema extends z.ZodString>(schema: TSchema): TSchema {
  return schema.refine(hasNoControlCharacter, CONTROL_CHARACTER_MESSAGE);
}
