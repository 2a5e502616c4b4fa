import { InsynError } from '../model/errors';

/** Bad command-line arguments (exit code 2, contract §5); in its own module so commands need not import the entry point. */
export class UsageError extends InsynError {
  constructor(message: string) {
    super('usage', message);
  }
}
