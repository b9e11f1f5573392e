/**
 * Typed errors the use cases throw. The api maps each kind to one HTTP status in a single handler;
 * `message` is written for the person using the app, never for a developer.
 */
export type ErrorKind = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'gone';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super('validation', message, fields);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'Please log in to continue') {
    super('unauthorized', message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'You do not have access to this') {
    super('forbidden', message);
  }
}
export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super('not_found', message);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super('conflict', message, fields);
  }
}
/** Something that existed and no longer can be used: an expired or already used link. */
export class GoneError extends AppError {
  constructor(message: string) {
    super('gone', message);
  }
}
