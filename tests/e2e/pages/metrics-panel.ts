import { expect, type Locator, type Page } from '@playwright/test';

/** The account's Metrics tab: health, signals, KPI tables and the month-values form. */
export class MetricsPanel {
  readonly panel: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('account-metrics-panel');
  }

  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Metrics' }).click();
  }

  /** Whether the tab shows AccountMetricsPanel (it waits briefly for it to load). */
  async isMounted(): Promise<boolean> {
    return this.panel.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
  }

  /** A lead metric tile ("What leads for this buyer") by metric key. */
  leadMetric(metricKey: string): Locator {
    return this.panel.getByTestId('lead-metrics').locator(`[data-metric="${metricKey}"]`);
  }

  healthScore(): Locator {
    return this.panel.getByTestId('health-panel').getByTestId('health-badge');
  }

  healthComponents(): Locator {
    return this.panel.getByRole('table', { name: 'Health score components' });
  }

  signal(key: string): Locator {
    return this.panel.locator(`[data-signal="${key}"]`);
  }

  kpiRow(key: string): Locator {
    return this.panel.locator(`tr[data-kpi="${key}"]`);
  }

  kpiValue(key: string): Locator {
    return this.kpiRow(key).getByTestId('kpi-value');
  }

  /** Opens "Enter month values" for the first stream and the report month, once its stored values are in. */
  async openEntry(): Promise<Locator> {
    await this.panel.getByRole('button', { name: 'Enter month values' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Enter month values' });
    await expect(dialog.getByLabel('Total device days')).toBeVisible();
    return dialog;
  }
}
