import {
  MAX_OWNER_TASKS,
  USD_PER_UNIT,
  type Currency,
  type OwnerTaskBody,
  type OwnerTaskPatch,
} from '@handoff/contracts';
import type { Clock } from '../clock.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { findFunction } from '../taxonomy/index.ts';
import type {
  OwnerProfileRecord,
  OwnerTaskRecord,
  OwnersRepository,
  TaskFeeling,
  TaskWrite,
  TypicalRate,
} from './ports.ts';
import { suggestFunction } from './suggest-function.ts';
import { hourValue, parseHourValueInput, taskValue } from './time-value.ts';

export interface OwnerServiceDeps {
  owners: OwnersRepository;
  clock: Clock;
}

type Range = { min: number; max: number };

export interface TaskHandoff {
  currency: string;
  ownerCostPerWeek: number;
  ownerCostPerYear: number;
  typicalRate: Range | null;
  providerCostPerWeek: Range | null;
  gainPerWeek: Range | null;
  gainPerYear: Range | null;
}

export type OwnerTaskView = OwnerTaskRecord & { handoff: TaskHandoff | null };

export interface OwnerProfileView extends OwnerProfileRecord {
  hourValue: number;
  productiveHoursPerYear: number;
}

export interface Worksheet {
  hourValue: number | null;
  currency: string;
  love: OwnerTaskView[];
  hate: OwnerTaskView[];
  hoursPerWeek: { love: number; hate: number };
}

const TASK_NOT_FOUND = 'No task with this id on your worksheet';
const cents = (n: number) => Math.round(n * 100) / 100;

/** From US dollars to the owner's currency, to the cent. */
const fromUsd = (usd: number, currency: string) => cents(usd / (USD_PER_UNIT[currency as Currency] ?? 1));

/** What handing a hated task off is worth, from the owner's hour value and providers' typical rates. */
export function taskHandoff(
  task: Pick<OwnerTaskRecord, 'feeling' | 'hoursPerWeek'>,
  profile: OwnerProfileView | null,
  usdRate: TypicalRate | null,
): TaskHandoff | null {
  if (task.feeling !== 'hate' || !profile || task.hoursPerWeek <= 0) return null;
  const ownerCostPerWeek = cents(task.hoursPerWeek * profile.hourValue);
  const base = {
    currency: profile.currency,
    ownerCostPerWeek,
    ownerCostPerYear: cents(ownerCostPerWeek * profile.weeksPerYear),
  };
  if (!usdRate)
    return { ...base, typicalRate: null, providerCostPerWeek: null, gainPerWeek: null, gainPerYear: null };
  const rate = { min: fromUsd(usdRate.min, profile.currency), max: fromUsd(usdRate.max, profile.currency) };
  const t = taskValue(
    profile.hourValue,
    { hoursPerWeek: task.hoursPerWeek, rateMin: rate.min, rateMax: Math.max(rate.min, rate.max) },
    profile.weeksPerYear,
  );
  return {
    ...base,
    typicalRate: rate,
    providerCostPerWeek: t.providerCostPerWeek,
    gainPerWeek: t.gainPerWeek,
    gainPerYear: t.gainPerYear,
  };
}

export function profileView(p: OwnerProfileRecord): OwnerProfileView {
  return { ...p, ...hourValue(p) };
}

/** The owner's figures and the love / hate worksheet. */
export function createOwnerService({ owners, clock }: OwnerServiceDeps) {
  async function profileOf(userId: string) {
    const p = await owners.findProfile(userId);
    return p ? profileView(p) : null;
  }

  function checkFunction(slug: string) {
    if (!findFunction(slug)) {
      const message = `There is no business function “${slug}”`;
      throw new ValidationError(message, { functionSlug: message });
    }
  }

  /** A hated task keeps the owner's choice; otherwise its words decide (and may match nothing). */
  function withFunction(
    task: Omit<TaskWrite, 'functionSlug' | 'functionSource'>,
    chosen: string | null,
  ): TaskWrite {
    if (chosen) return { ...task, functionSlug: chosen, functionSource: 'chosen' };
    if (task.feeling === 'love') return { ...task, functionSlug: null, functionSource: null };
    const suggested = suggestFunction(task.name);
    return { ...task, functionSlug: suggested, functionSource: suggested ? 'suggested' : null };
  }

  async function views(profile: OwnerProfileView | null, tasks: OwnerTaskRecord[]): Promise<OwnerTaskView[]> {
    const slugs = [
      ...new Set(tasks.filter((t) => t.feeling === 'hate' && t.functionSlug).map((t) => t.functionSlug!)),
    ];
    const rates = profile && slugs.length ? await owners.typicalRates(slugs) : new Map<string, TypicalRate>();
    return tasks.map((t) => ({
      ...t,
      handoff: taskHandoff(t, profile, t.functionSlug ? (rates.get(t.functionSlug) ?? null) : null),
    }));
  }

  async function view(userId: string, task: OwnerTaskRecord): Promise<OwnerTaskView> {
    return (await views(await profileOf(userId), [task]))[0]!;
  }

  async function worksheet(userId: string): Promise<Worksheet> {
    const [profile, all] = await Promise.all([profileOf(userId), owners.listTasks(userId)]);
    const tasks = await views(profile, all);
    const column = (feeling: TaskFeeling) => tasks.filter((t) => t.feeling === feeling);
    const hours = (feeling: TaskFeeling) =>
      cents(column(feeling).reduce((sum, t) => sum + t.hoursPerWeek, 0));
    return {
      hourValue: profile?.hourValue ?? null,
      currency: profile?.currency ?? 'USD',
      love: column('love'),
      hate: column('hate'),
      hoursPerWeek: { love: hours('love'), hate: hours('hate') },
    };
  }

  return {
    getProfile: profileOf,

    async saveProfile(userId: string, input: unknown): Promise<OwnerProfileView> {
      return profileView(await owners.saveProfile(userId, parseHourValueInput(input), clock.now()));
    },

    worksheet,

    async getTask(userId: string, id: string): Promise<OwnerTaskView> {
      const task = await owners.findTask(userId, id);
      if (!task) throw new NotFoundError(TASK_NOT_FOUND);
      return view(userId, task);
    },

    async addTask(userId: string, body: OwnerTaskBody): Promise<OwnerTaskView> {
      if (body.functionSlug) checkFunction(body.functionSlug);
      if ((await owners.countTasks(userId)) >= MAX_OWNER_TASKS) {
        throw new ConflictError(`Your worksheet holds at most ${MAX_OWNER_TASKS} tasks; remove some first`);
      }
      const write = withFunction(
        { feeling: body.feeling, name: body.name, hoursPerWeek: body.hoursPerWeek },
        body.functionSlug ?? null,
      );
      return view(userId, await owners.insertTask(userId, write, clock.now()));
    },

    async updateTask(userId: string, id: string, patch: OwnerTaskPatch): Promise<OwnerTaskView> {
      const current = await owners.findTask(userId, id);
      if (!current) throw new NotFoundError(TASK_NOT_FOUND);
      if (patch.functionSlug) checkFunction(patch.functionSlug);
      const next = {
        feeling: patch.feeling ?? current.feeling,
        name: patch.name ?? current.name,
        hoursPerWeek: patch.hoursPerWeek ?? current.hoursPerWeek,
      };
      // null drops the owner's choice (back to the suggestion); absent keeps whatever was chosen.
      const chosen =
        patch.functionSlug !== undefined
          ? patch.functionSlug
          : current.functionSource === 'chosen'
            ? current.functionSlug
            : null;
      const write = withFunction(next, chosen);
      const moveToEnd = next.feeling !== current.feeling;
      const updated = await owners.updateTask(userId, id, write, { moveToEnd }, clock.now());
      if (!updated) throw new NotFoundError(TASK_NOT_FOUND);
      return view(userId, updated);
    },

    async removeTask(userId: string, id: string): Promise<void> {
      if (!(await owners.deleteTask(userId, id))) throw new NotFoundError(TASK_NOT_FOUND);
    },

    /** `ids` must be exactly the column's tasks, each once: a stale page cannot drop or duplicate one. */
    async reorder(userId: string, feeling: TaskFeeling, ids: readonly string[]): Promise<Worksheet> {
      const column = (await owners.listTasks(userId)).filter((t) => t.feeling === feeling).map((t) => t.id);
      const sent = new Set(ids);
      if (sent.size !== ids.length || sent.size !== column.length || column.some((id) => !sent.has(id))) {
        const message = `Send every task of the ${feeling} column once, in the new order (it has ${column.length})`;
        throw new ValidationError(message, { ids: message });
      }
      await owners.reorderTasks(userId, ids, clock.now());
      return worksheet(userId);
    },
  };
}

export type OwnerService = ReturnType<typeof createOwnerService>;
