import { expect, type Locator, type Page } from '@playwright/test';

/** The seven-step assessment wizard. Stream-specific questions are found inside the stream's fieldset. */
export class AssessmentWizard {
  readonly stepHeading: Locator;
  readonly saveStatus: Locator;
  readonly steps: Locator;

  constructor(private readonly page: Page) {
    this.stepHeading = page.locator('#wizard-step-heading');
    this.saveStatus = page.getByTestId('wizard-save-status');
    this.steps = page.getByRole('navigation', { name: 'Assessment steps' });
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 2, name: 'Quarterly assessment' })).toBeVisible();
    await expect(this.stepHeading).toBeVisible();
  }

  async expectStep(title: string | RegExp): Promise<void> {
    await expect(this.stepHeading).toHaveText(title);
  }

  /** Clicks a step in the stepper, e.g. goToStep(4, 'Revenue or cost'). */
  async goToStep(number: number, label: string): Promise<void> {
    await this.stepButton(number, label).click();
  }

  stepButton(number: number, label: string): Locator {
    return this.steps.getByRole('button', { name: new RegExp(`^Step ${number}: ${escape(label)}\\.`) });
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: /^Next: / }).click();
  }

  /** A revenue stream's group of questions on the current step (a fieldset named by its legend). */
  stream(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  howPaid(stream: string): Locator {
    return this.stream(stream).getByRole('textbox', { name: 'How are you paid?' });
  }

  async setHowPaid(stream: string, option: string): Promise<void> {
    await this.howPaid(stream).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async setRevenueShare(stream: string, percent: number): Promise<void> {
    await this.stream(stream).getByRole('textbox', { name: /^Share of the contract's revenue/ }).fill(String(percent));
  }

  async addStreamInline(): Promise<void> {
    await this.page.getByRole('button', { name: /^Add (another )?revenue stream$/ }).click();
  }

  radio(group: Locator | Page, name: string): Locator {
    return group.getByRole('radio', { name: new RegExp(`^${escape(name)}`) });
  }

  async chooseBehaviour(label: string): Promise<void> {
    await this.radio(this.page.getByRole('radiogroup', { name: 'Who must change behaviour?' }), label).check();
  }

  gates(): Locator {
    return this.page.getByTestId('wizard-gates');
  }

  environment(name: string): Locator {
    return this.page.getByRole('group', { name: /^The buyer's payment environment/ }).getByRole('checkbox', { name });
  }

  async chooseOrientation(stream: string, label: string): Promise<void> {
    await this.radio(this.stream(stream), label).check();
  }

  orientationRadio(stream: string, label: string): Locator {
    return this.radio(this.stream(stream), label);
  }

  async writeOrientationNote(stream: string, note: string): Promise<void> {
    await this.stream(stream).getByRole('textbox', { name: /^Why/ }).fill(note);
  }

  pathRadio(stream: string, label: string): Locator {
    return this.radio(this.stream(stream), label);
  }

  async chooseConflictAnswer(label: string): Promise<void> {
    await this.radio(this.page.getByRole('radiogroup', { name: 'Do the revenue streams create conflicting incentives?' }), label).check();
  }

  async chooseBuyerPriority(label: string): Promise<void> {
    await this.radio(this.page.getByRole('radiogroup', { name: 'What did the buyer choose?' }), label).check();
  }

  async writeBuyerAnswer(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^The buyer's answer/ }).fill(text);
  }

  result(): Locator {
    return this.page.getByTestId('assessment-result');
  }

  async save(): Promise<void> {
    await expect(this.result()).toBeVisible();
    await this.page.getByRole('button', { name: /^Save as the Q[1-4] \d{4} assessment$/ }).click();
  }

  async leaveToAccount(accountName: string): Promise<void> {
    await this.page.getByRole('button', { name: `← ${accountName}` }).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
