import type { Page } from '@playwright/test';

/** /cases/:caseId: one case's workspace. */
export class CaseWorkspacePage {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.getByTestId('case-workspace');
  }

  get reviewText() {
    return this.page.getByTestId('workspace-review-text');
  }

  get history() {
    return this.page.getByTestId('workspace-history-list');
  }

  get evidence() {
    return this.page.getByTestId('workspace-evidence');
  }

  action(name: 'take' | 'contact' | 'offer' | 'pause' | 'resume' | 'close' | 'reassign' | 'note' | 'add-evidence') {
    return this.page.getByTestId(`workspace-${name}`);
  }

  /**
   * Pastes a PNG as a screenshot tool leaves it on the clipboard: a real paste event whose
   * clipboardData carries the file, dispatched on the page body (not on the evidence panel).
   */
  async pastePng(bytes: Buffer) {
    // A string, because the tests are type-checked without the DOM library.
    await this.page.evaluate(`(() => {
      const binary = atob(${JSON.stringify(bytes.toString('base64'))});
      const data = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index++) data[index] = binary.charCodeAt(index);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'image.png', { type: 'image/png' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    })()`);
  }
}
