import type { Page } from '@playwright/test';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** 证据库 Evidence: the vault screen, the per-case panel and the viewer. Labels match either language. */
export class EvidencePage {
  constructor(readonly page: Page) {}

  get dropZone() {
    return this.page.getByTestId('evidence-drop-zone');
  }

  /** Drops files the way a person would pick many at once (the drop zone's own file input). */
  async addFiles(files: UploadFile[]) {
    await this.dropZone.getByTestId('evidence-file-input').setInputFiles(files);
  }

  get results() {
    return this.page.getByTestId('evidence-add-result');
  }

  result(name: string) {
    return this.results.filter({ hasText: name });
  }

  get cards() {
    return this.page.getByTestId('evidence-card');
  }

  card(name: string) {
    return this.cards.filter({ hasText: name });
  }

  async open(name: string) {
    await this.card(name).getByRole('button').first().click();
    return this.viewer;
  }

  get viewer() {
    return this.page.getByTestId('evidence-viewer');
  }

  get audio() {
    return this.viewer.getByTestId('evidence-audio');
  }

  async showCustody() {
    await this.page.getByRole('tab', { name: /^(保管记录|Custody history)$/ }).click();
    return this.page.getByTestId('evidence-custody');
  }

  async closeViewer() {
    await this.page.getByRole('dialog').getByRole('button', { name: /^(关闭|Close)$/ }).click();
  }
}
