import { describe, expect, inject, it } from 'vitest';
import { browserPages } from './browser.ts';
import { logIn, shots, signUp } from './journey.ts';

const chromiumPath = inject('chromium');
const base = inject('webUrl');
const stamp = Date.now().toString(36);
const email = `suspect.${stamp}@example.test`;
const password = 'a-long-enough-password';

describe.skipIf(!chromiumPath)('operator: people in Chromium', () => {
  const freshPage = browserPages(chromiumPath);

  it('an operator finds a person, suspends them (they are signed out and cannot log in) and reinstates them', async () => {
    // Someone signs up and stays signed in.
    const person = await freshPage();
    await person.goto(`${base}/signup`);
    await signUp(person, `Sam Suspect ${stamp}`, email, password);
    await person.waitForURL(`${base}/dashboard`);

    // The operator finds them by part of the e-mail.
    const op = await freshPage();
    await op.goto(`${base}/admin/people`);
    await op.waitForURL(`${base}/login?next=/admin/people`);
    await logIn(op, base, 'admin@demo.handoff.test', 'handoff-demo-2026');
    await op.waitForURL(`${base}/admin/people`);
    await op.fill('input[name="q"]', `suspect.${stamp}`);
    await op.getByRole('button', { name: 'Find' }).click();
    await op.waitForURL(/\/admin\/people\?q=/);
    await shots(op, '60-operator-people');
    await op.getByRole('link', { name: `Sam Suspect ${stamp}` }).click();
    await op.waitForURL(/\/admin\/people\/[0-9a-f-]{36}$/);
    await op.getByText('Signed in').first().waitFor();

    // A reason is required; then the account is suspended.
    await op.fill('textarea[name="reason"]', 'no');
    await op.getByRole('button', { name: 'Suspend account' }).click();
    await op.locator('#reason-error').getByText('at least 5 characters').waitFor();
    await op.fill('textarea[name="reason"]', 'Reported for fake reviews');
    await op.getByRole('button', { name: 'Suspend account' }).click();
    await op.waitForURL(/\?suspended=1$/);
    await op.getByText('The account is suspended.').waitFor();
    expect(await op.locator('.facts').textContent()).toContain('Reported for fake reviews');
    await shots(op, '61-operator-person-suspended');

    // The person's open session ends, and logging in again is refused with a clear message.
    await person.goto(`${base}/dashboard`);
    await person.waitForURL(/\/login/);
    await logIn(person, base, email, password);
    await person.getByRole('alert').getByText('suspended').waitFor();

    // Reinstated: they log in again; the audit log shows both actions with reasons.
    await op.fill('textarea[name="reason"]', 'Reviews checked and genuine');
    await op.getByRole('button', { name: 'Reinstate' }).click();
    await op.waitForURL(/\?reinstated=1$/);
    await logIn(person, base, email, password);
    await person.waitForURL(`${base}/dashboard`);

    await op
      .getByRole('navigation', { name: 'Operator pages' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await op.waitForURL(`${base}/admin/audit`);
    const rows = op.locator('tbody tr', { hasText: email });
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Reinstated');
    expect(await rows.nth(1).textContent()).toContain('Reported for fake reviews');
    await shots(op, '62-operator-audit-log');
  });
});
