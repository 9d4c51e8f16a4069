import type { Page } from '@playwright/test';

/** 工单: my queue, team board and the case drawer. */
export class CasesPage {
  constructor(readonly page: Page) {}

  get queue() {
    return this.page.getByTestId('queue-table');
  }

  row(caseId: number) {
    return this.page.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`);
  }

  countdown(caseId: number) {
    return this.row(caseId).getByTestId('sla-countdown');
  }

  get breachedBadge() {
    return this.page.getByTestId('breached-badge');
  }

  async openBoard() {
    await this.page.getByTestId('tab-board').click();
  }
}
