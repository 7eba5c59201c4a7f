// Rules every free-text field shares, in the browser and at the server's edge.

/** C0 control characters and DEL: nothing a person types into a one-line field, and U+0000 cannot be stored. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export const CONTROL_CHARACTER_MESSAGE = 'Remove the control character (such as a tab, a line break or U+0000).';

/** For z.string().refine(…): true when `text` holds no control character. */
export function hasNoControlCharacter(text: string): boolean {
  return !CONTROL_CHARACTER.test(text);
}
