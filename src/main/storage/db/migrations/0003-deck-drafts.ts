import type { Kysely } from 'kysely';

/**
 * Version 3: the deck builder's drafts — one per account, deck type, audience and quarter, holding
 * the CSM's edits keyed by slide id, so they survive a restart and next quarter can start from them.
 * Frozen: never edit once shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deck_drafts')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('deck_type', 'text', (c) => c.notNull())
    // The audience in the order chosen (the first person leads the deck), as a JSON array.
    .addColumn('audience_json', 'text', (c) => c.notNull())
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('edits_json', 'text', (c) => c.notNull())
    .addColumn('audience_chosen', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deck_drafts_key', ['account_id', 'deck_type', 'audience_json', 'quarter'])
    .execute();
  await db.schema.createIndex('deck_drafts_latest').on('deck_drafts').columns(['account_id', 'updated_at']).execute();
}
