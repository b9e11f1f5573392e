export * from './ports.ts';
export * from './rules.ts';
export * from './notices.ts';
export {
  createReferenceService,
  type ReferenceService,
  type ReferenceServiceDeps,
} from './references.service.ts';
export {
  createReferenceFormService,
  INVALID_LINK,
  type ReferenceFormService,
  type Submitter,
} from './reference-form.service.ts';
export { createReferenceEmailHandlers } from './emails.ts';
export { createReferenceReviewService, type ReferenceReviewService } from './review.service.ts';
