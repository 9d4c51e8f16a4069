import { expect, type Page } from '@playwright/test';

/** Picks a profile in the sign-in dialog (already open) and enters its PIN. */
export async function signIn(page: Page, staffId: number, pin: string) {
  const dialog = page.getByTestId('sign-in');
  await dialog.getByTestId(`profile-${staffId}`).click();
  await dialog.getByLabel('PIN 码').fill(pin);
  await expect(dialog.getByTestId('sign-in-submit')).toBeEnabled();
  await dialog.getByTestId('sign-in-submit').click();
}
