import type { Page } from '@playwright/test';

/** The backups section in Settings and the restore dialog (also opened from the start-up error screen). */
export class BackupsPage {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: '备份', exact: true });
  }

  rows() {
    return this.page.getByTestId('backups-table').locator('tbody tr');
  }

  async backUpNow() {
    await this.section().getByRole('button', { name: '立即备份' }).click();
  }

  preview() {
    return this.page.getByTestId('restore-preview');
  }

  async confirmRestore() {
    await this.preview().getByRole('button', { name: '恢复此备份' }).click();
  }
}
