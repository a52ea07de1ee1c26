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

/** An API input schema: one strict object, or one per revenue model (revenueStreamInputSchema). */
type InputSchema = z.ZodObject | z.ZodDiscriminatedUnion<readonly z.ZodObject[]>;
/** An export row that carries every field of the schema (and its own columns besides: id, timestamps). */
type RowFor<S extends InputSchema> = { [K in keyof z.input<S>]-?: unknown };

/**
 * The fields of `row` that `schema` takes, named by the schema itself: the input schemas are
 * strict, so the row's own columns (id, createdAt, deletedAt…) are left out before parsing.
 */
function inputFields<S extends InputSchema>(schema: S, row: RowFor<S>): Record<string, unknown> {
  const shapes = 'shape' in schema ? [schema.shape] : schema.options.map((option) => option.shape);
  const names = new Set(shapes.flatMap((shape) => Object.keys(shape)));
  return Object.fromEntries([...names].map((name) => [name, (row as Record<string, unknown>)[name]]));
}

/** Why the rows of an export cannot be restored as they are; [] when every row passes. */
export function restoredRowProblems(data: WorkspaceExport, limit: number): string[] {
  const problems: string[] = [];
  const check = (what: string, schema: z.ZodType, value: unknown) => {
    if (problems.length >= limit) return;
    const parsed = schema.safeParse(value);
    if (!parsed.success) problems.push(`${what}: ${describeIssues(parsed.error)}`);
  };
  const checkRow = <S extends InputSchema>(what: string, schema: S, row: RowFor<S>) => check(what, schema, inputFields(schema, row));

  for (const a of data.accounts) checkRow(`account ${a.id} ("${short(a.name)}")`, accountInputSchema, a);
  for (const s of data.revenueStreams) checkRow(`revenue stream ${s.id} ("${short(s.name)}")`, revenueStreamInputSchema, s);
  for (const p of data.stakeholders) checkRow(`stakeholder ${p.id} ("${short(p.personName)}")`, stakeholderInputSchema, p);
  for (const g of data.goals) checkRow(`goal ${g.id} ("${short(g.title)}")`, goalInputSchema, g);
  for (const c of data.commitments) checkRow(`commitment ${c.id} ("${short(c.text)}")`, commitmentInputSchema, c);
  for (const d of data.deckDrafts) checkRow(`deck draft ${d.deckType} ${short(d.quarter)} (account ${d.accountId})`, deckDraftInputSchema, d);
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
