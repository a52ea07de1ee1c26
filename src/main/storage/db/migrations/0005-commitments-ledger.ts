import type { Kysely } from 'kysely';

/*
 * Version 5 (issue 15): the commitments ledger — each decision sought and each next-step action a
 * deck committed to, with owner, due date, the quarter it was raised in and what became of it, so
 * next quarter's deck can open with it. Goals get the month they started, where a KPI-linked goal
 * reads its baseline. Frozen: never edit once shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // 'decision' (sought from the customer) or 'action' (a next step someone owns).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // 'ours', 'customer' or 'joint'.
    .addColumn('owner_side', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('stakeholder_id', 'text', (c) => c.references('stakeholders.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('quarter_raised', 'text', (c) => c.notNull())
    .addColumn('deck_id', 'text', (c) => c.references('decks.id').onDelete('set null'))
    // The deck plan's key for the proposal it came from; a re-export of the quarter updates it, never duplicates it.
    .addColumn('proposal_key', 'text')
    // 'open', 'done', 'slipped' or 'dropped'.
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('outcome_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitments_account_quarter').on('commitments').columns(['account_id', 'quarter_raised']).execute();
  await db.schema.alterTable('goals').addColumn('start_month', 'text').execute();
}
