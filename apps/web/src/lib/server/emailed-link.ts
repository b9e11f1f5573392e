import { fieldErrors } from '@handoff/contracts';
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import type { FormFailure } from './forms.ts';

/*
 * A page an e-mailed, single-use link opens (finish signing up, confirm or undo an e-mail change,
 * confirm an e-mail address). Opening the link only shows a button: mail scanners and link previews
 * fetch every URL in an e-mail, so a GET that used the link would spend it before the person clicks.
 * The token stays in the URL the button's form posts to, so the page works without JavaScript.
 */

const NOT_VALID = 'This link is not valid';

export function emailedLink(schema: z.ZodType<{ token: string }>) {
  const parse = (url: URL) => schema.safeParse({ token: url.searchParams.get('token') ?? undefined });
  const problemOf = (issues: readonly z.core.$ZodIssue[]) => fieldErrors(issues).token ?? NOT_VALID;
  return {
    /** For the page's load: the token to post back, and what is wrong with the link, if anything. */
    shown(url: URL): { token: string; linkProblem: string | null } {
      const parsed = parse(url);
      return {
        token: url.searchParams.get('token') ?? '',
        linkProblem: parsed.success ? null : problemOf(parsed.error.issues),
      };
    },
    /** For the button's action: the token, or the 400 the action returns as it is. */
    token(url: URL): { token: string } | ActionFailure<FormFailure> {
      const parsed = parse(url);
      if (parsed.success) return { token: parsed.data.token };
      const message = problemOf(parsed.error.issues);
      return fail(400, { values: {}, errors: {}, message, status: 400 });
    },
  };
}
