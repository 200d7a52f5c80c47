import { fieldError } from '../../http/errors.ts';
import { today } from './case-document.ts';

/** What was held is recorded once it has happened: a "held" date after today (in Denmark) is refused. */
export function assertNotInFuture(field: string, date: string): void {
  if (date > today()) throw fieldError(field, 'field.heldInFuture');
}
