import type { Page } from '@playwright/test';

/** 收件箱 Inbox: the review list, its detail pane and the import dialog. Labels match either language. */
export class InboxPage {
  constructor(readonly page: Page) {}

  get list() {
    return this.page.getByTestId('review-list');
  }

  get detail() {
    return this.page.getByTestId('review-detail');
  }

  get importDialog() {
    return this.page.getByRole('dialog');
  }

  /** The list row whose text contains `text`. */
  row(text: string) {
    return this.list.getByRole('row').filter({ hasText: text });
  }

  async openImport() {
    await this.page.getByTestId('inbox-import').click();
  }

  /** Chooses a file in the import dialog, as the file picker or a drop would. */
  async chooseFile(name: string, content: string | Buffer, mimeType = 'text/csv') {
    await this.page.getByTestId('import-file-input').setInputFiles({ name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
  }

  mappingRow(field: string) {
    return this.page.getByTestId(`mapping-row-${field}`);
  }

  /** Points a review field at one of the file's columns, by the column's header text. */
  async mapField(field: string, header: string) {
    await this.page.getByTestId(`mapping-${field}`).selectOption({ label: header });
  }

  async startImport() {
    await this.page.getByTestId('import-start').click();
  }
}
