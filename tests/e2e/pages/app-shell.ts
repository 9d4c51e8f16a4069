import type { Page } from '@playwright/test';

export const areas = ['inbox', 'cases', 'customers', 'evidence', 'appeals', 'reports', 'team', 'settings'] as const;
export type Area = (typeof areas)[number];

/** The frame around every area: navigation, language and colour-scheme switches. */
export class AppShell {
  constructor(readonly page: Page) {}

  nav(area: Area) {
    return this.page.getByTestId(`nav-${area}`);
  }

  async goTo(area: Area) {
    await this.nav(area).click();
  }

  async setLanguage(label: '中文' | 'English') {
    await this.page.getByTestId('language-switch').getByText(label, { exact: true }).click();
  }

  async setColorScheme(label: string) {
    await this.page.getByTestId('color-scheme-switch').getByText(label, { exact: true }).click();
  }
}
