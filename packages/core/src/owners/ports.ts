import type { HourValueInputParsed, ProviderKind } from '@handoff/contracts';

export type TaskFeeling = 'love' | 'hate';
export type FunctionSource = 'suggested' | 'chosen';

export interface OwnerProfileRecord {
  targetIncome: number;
  hoursPerDay: number;
  daysPerWeek: number;
  weeksPerYear: number;
  currency: string;
  updatedAt: Date;
}

export interface OwnerTaskRecord {
  id: string;
  feeling: TaskFeeling;
  name: string;
  hoursPerWeek: number;
  functionSlug: string | null;
  functionSource: FunctionSource | null;
  position: number;
  jobPostId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TaskWrite {
  feeling: TaskFeeling;
  name: string;
  hoursPerWeek: number;
  functionSlug: string | null;
  functionSource: FunctionSource | null;
}

/** Hourly rates in US dollars: the medians of published providers' lowest and highest rates. */
export interface TypicalRate {
  min: number;
  max: number;
}

/**
 * The owner's profile and worksheet. Every method takes the owner's user id and matches it in the
 * same statement: another owner's task is never read or changed.
 */
export interface OwnersRepository {
  findProfile(userId: string): Promise<OwnerProfileRecord | null>;
  saveProfile(userId: string, input: HourValueInputParsed, at: Date): Promise<OwnerProfileRecord>;
  /** Love first, then hate; each column by position. */
  listTasks(userId: string): Promise<OwnerTaskRecord[]>;
  findTask(userId: string, id: string): Promise<OwnerTaskRecord | null>;
  countTasks(userId: string): Promise<number>;
  /** Appends the task to the end of its column. */
  insertTask(userId: string, task: TaskWrite, at: Date): Promise<OwnerTaskRecord>;
  /** Writes the task; `moveToEnd` puts it last in its (new) column. Null when it is not the user's. */
  updateTask(
    userId: string,
    id: string,
    task: TaskWrite,
    options: { moveToEnd: boolean },
    at: Date,
  ): Promise<OwnerTaskRecord | null>;
  deleteTask(userId: string, id: string): Promise<boolean>;
  /** Positions 0, 1, 2… in the order of `ids`, all of which are the user's tasks in that column. */
  reorderTasks(userId: string, ids: readonly string[], at: Date): Promise<void>;
  /**
   * Links a task to the job it became; false when it is not the user's, or, with `onlyIfUnlinked`,
   * when it is linked already (two clicks at once: the second waits for the first and finds it so).
   */
  linkTask(
    userId: string,
    taskId: string,
    jobPostId: string,
    at: Date,
    onlyIfUnlinked?: boolean,
  ): Promise<boolean>;
  /** Typical rates of published providers, for each of these functions that has any. */
  typicalRates(functionSlugs: readonly string[]): Promise<Map<string, TypicalRate>>;
}

export interface SavedProviderRecord {
  providerId: string;
  slug: string;
  name: string;
  kind: ProviderKind | null;
  headline: string;
  functions: string[];
  note: string;
  savedAt: Date;
}

/** An owner's shortlist; keyed by the owner in every statement. */
export interface SavedProvidersRepository {
  /**
   * Saves a published provider (or updates the note of one saved before). 'not_found' when there is
   * no published provider with this id.
   */
  save(
    ownerId: string,
    providerId: string,
    note: string,
    at: Date,
  ): Promise<'created' | 'updated' | 'not_found'>;
  /** Newest first; published profiles only. */
  list(ownerId: string): Promise<SavedProviderRecord[]>;
  find(ownerId: string, providerId: string): Promise<SavedProviderRecord | null>;
  remove(ownerId: string, providerId: string): Promise<boolean>;
}
