import type { Locator, Page } from '@playwright/test';

/** Toasts (Mantine renders each as role="alert"). */
export class Notifications {
  constructor(private readonly page: Page) {}

  withTitle(title: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: title });
  }
}
