import type { z } from 'zod';
import { accountInputSchema } from '../../../shared/api/schemas/account-schemas';
import { goalInputSchema } from '../../../shared/api/schemas/goal-schemas';
import { commitmentInputSchema } from '../../../shared/api/schemas/commitment-schemas';
import { deckDraftInputSchema } from '../../../shared/api/schemas/deck-draft-schemas';
import { appSettingsSchema } from '../../../shared/api/schemas/settings-schemas';
import { stakeholderInputSchema } from '../../../shared/api/schemas/stakeholder-schemas';
import { revenueStreamInputSchema } from '../../../shared/api/schemas/stream-schemas';
import type { WorkspaceExport } from '../../../shared/api/schemas/workspace-export-schemas';
import { quarterSchema } from '../../../shared/api/schemas/assessment-schemas';
import { DECK_TYPES } from '../../../shared/deck-plan/deck-plan-types';
import { ARCHETYPES } from '../../../shared/framework/keys';

/*
 * The rows of a restored export pass the same schemas the API's create methods use, so a restore
 * cannot put in what the app itself would refuse (a blank or 1,000-character name, a PMPM stream
 * with "terms": null, a setting out of range). The export format's own schema is deliberately
 * looser (it must carry anything older versions stored); these are the rules of this app.
 * Metric values (months and values) go through the one metric rule set
 * (shared/metrics/metric-validation.ts), in workspace-import.ts where the stream's revenue model
 * is known and the values are read one at a time from the stage.
 */

/** Why the rows of an export cannot be restored as they are; [] when every row passes. */
export function restoredRowProblems(data: WorkspaceExport, limit: number): string[] {
  const problems: string[] = [];
  const check = (what: string, schema: z.ZodType, value: unknown) => {
    if (problems.length >= limit) return;
    const parsed = schema.safeParse(value);
    if (!parsed.success) problems.push(`${what}: ${describeIssues(parsed.error)}`);
  };

  for (const a of data.accounts) {
    check(`account ${a.id} ("${short(a.name)}")`, accountInputSchema, {
      name: a.name,
      customerSegment: a.customerSegment,
      buyerType: a.buyerType,
      notes: a.notes,
      renewalDate: a.renewalDate,
      contractStartDate: a.contractStartDate,
    });
  }
  for (const s of data.revenueStreams) {
    check(`revenue stream ${s.id} ("${short(s.name)}")`, revenueStreamInputSchema, {
      accountId: s.accountId,
      name: s.name,
      revenueModel: s.revenueModel,
      paymentEnvironment: s.paymentEnvironment,
      terms: s.terms,
      startDate: s.startDate,
      endDate: s.endDate,
    });
  }
  for (const p of data.stakeholders) {
    check(`stakeholder ${p.id} ("${short(p.personName)}")`, stakeholderInputSchema, {
      accountId: p.accountId,
      archetype: p.archetype,
      personName: p.personName,
      title: p.title,
      email: p.email,
      communicationPreference: p.communicationPreference,
      successDefinition: p.successDefinition,
      lastEngagedOn: p.lastEngagedOn,
      isExecutiveSponsor: p.isExecutiveSponsor,
      isBudgetHolder: p.isBudgetHolder,
    });
  }
  for (const g of data.goals) {
    check(`goal ${g.id} ("${short(g.title)}")`, goalInputSchema, {
      accountId: g.accountId,
      streamId: g.streamId,
      title: g.title,
      metricKey: g.metricKey,
      unit: g.unit,
      baseline: g.baseline,
      target: g.target,
      current: g.current,
      dueDate: g.dueDate,
      startMonth: g.startMonth,
    });
  }
  for (const c of data.commitments) {
    check(`commitment ${c.id} ("${short(c.text)}")`, commitmentInputSchema, {
      accountId: c.accountId,
      kind: c.kind,
      text: c.text,
      ownerSide: c.ownerSide,
      ownerName: c.ownerName,
      stakeholderId: c.stakeholderId,
      dueDate: c.dueDate,
      quarterRaised: c.quarterRaised,
      status: c.status,
      outcomeNote: c.outcomeNote,
    });
  }
  for (const d of data.deckDrafts) {
    check(`deck draft ${d.deckType} ${short(d.quarter)} (account ${d.accountId})`, deckDraftInputSchema, {
      accountId: d.accountId,
      deckType: d.deckType,
      audience: d.audience,
      quarter: d.quarter,
      edits: d.edits,
      audienceChosen: d.audienceChosen,
    });
  }
  for (const a of data.assessments) {
    if (problems.length >= limit) break;
    if (!quarterSchema.safeParse(a.quarter).success) problems.push(`assessment ${a.id}: "${short(a.quarter)}" is not a quarter like 2026Q3`);
  }
  for (const d of data.decks) {
    if (problems.length >= limit) break;
    if (!(DECK_TYPES as readonly string[]).includes(d.deckType)) problems.push(`deck record ${d.id}: unknown deck type "${short(d.deckType)}"`);
    const audience = d.audience;
    if (!Array.isArray(audience) || audience.some((role) => !(ARCHETYPES as readonly string[]).includes(role as string))) {
      problems.push(`deck record ${d.id}: its audience is not a list of stakeholder archetypes`);
    }
  }
  const shape = appSettingsSchema.shape as Record<string, z.ZodType | undefined>;
  for (const s of data.settings) {
    if (problems.length >= limit) break;
    const field = shape[s.key];
    if (!field) problems.push(`setting "${short(s.key)}" is not a setting this app knows`);
    else check(`setting "${s.key}"`, field, s.value);
  }
  return problems;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** A value as it may be quoted in a message: at most 60 characters. */
function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
