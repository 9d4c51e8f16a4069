import { expect, type Page } from '@playwright/test';

/** 工单 · 全部工单 and 看板: search, filters, bulk actions, board columns and cards. */
export class CasesListPage {
  constructor(readonly page: Page) {}

  get list() {
    return this.page.getByTestId('case-list');
  }

  get rows() {
    return this.page.getByTestId('case-row');
  }

  row(caseId: number) {
    return this.page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
  }

  get search() {
    return this.page.getByTestId('case-search');
  }

  get total() {
    return this.page.getByTestId('case-total');
  }

  /** Ticks one option of a filter menu (status, category, assignee, shop, platform, sla) and closes it. */
  async tick(filter: string, option: string) {
    await this.page.getByTestId(`filter-${filter}`).click();
    const box = this.page.getByTestId(`filter-${filter}-menu`).getByLabel(option, { exact: true });
    // The box is controlled by the address (?q=), so it turns checked a moment after the click.
    await box.click();
    await expect(box).toBeChecked();
    await this.page.keyboard.press('Escape');
  }

  column(key: string) {
    return this.page.locator(`[data-testid="board-column"][data-column="${key}"]`);
  }

  card(caseId: number) {
    return this.page.locator(`[data-testid="board-card"][data-case-id="${caseId}"]`);
  }
}
