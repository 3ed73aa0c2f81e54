import { expect } from 'vitest';
import { InputError, type InputIssue } from '../../engine/errors.js';

/** The issues of the InputError that `f` throws (fails the test when it throws nothing else). */
export function errorsOf(f: () => unknown): InputIssue[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).errors;
  }
  throw new Error('expected an InputError');
}
