/** What a signed-in owner can do on a provider's page, and what their last action did. */
export interface HireState {
  /** Null when the list could not be read (the page still offers "Start a job with them"). */
  openJobs: { id: string; title: string }[] | null;
  saved: boolean | null;
  invited: { job: string; again: boolean } | null;
  savedFlash: 'saved' | 'unsaved' | null;
}
