import type { Page } from '@playwright/test';

type Role = 'agent' | 'supervisor' | 'legal' | 'owner';

/** 团队 Team: staff list and the add-member form. Labels are matched in either language. */
export class TeamPage {
  constructor(readonly page: Page) {}

  get nameField() {
    return this.page.getByLabel(/^(姓名|Name)/).first();
  }

  get table() {
    return this.page.getByTestId('staff-table');
  }

  async addMember(name: string, role: Role) {
    await this.nameField.fill(name);
    await this.page.getByLabel(/^(角色|Role)/).first().selectOption(role);
    await this.page.getByRole('button', { name: /^(添加成员|Add member)$/ }).click();
  }
}
