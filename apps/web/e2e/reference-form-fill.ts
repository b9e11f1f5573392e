import type { Page } from 'playwright-core';

// Answering the reference form at /r/<token> the way a person does: by the questions' labels.

export const group = (page: Page, name: string) => page.locator(`[id="field-${name}"]`);
export const pick = (page: Page, name: string, option: string) =>
  group(page, name).getByRole('radio', { name: option, exact: true }).check();
export const pickScore = (page: Page, name: string, n: number) =>
  group(page, name)
    .getByRole('radio', { name: new RegExp(`^${n}( \\(|$)`) })
    .check();

/** Every duty performed well, and the overall questions, for a form with `duties` duties. */
export async function answerAll(page: Page, duties: number) {
  for (let i = 0; i < duties; i++) {
    await pick(page, `duty.${i}.performed`, 'Yes');
    await pickScore(page, `duty.${i}.quality`, 5);
    await pickScore(page, `duty.${i}.timeliness`, 4);
    await pick(page, `duty.${i}.benchmark`, 'Met');
  }
  await pickScore(page, 'communication', 5);
  await pickScore(page, 'reliability', 4);
  await pick(page, 'costVersusQuote', 'As quoted');
  await pick(page, 'wouldRehire', 'Yes');
  await pickScore(page, 'recommend', 9);
}
