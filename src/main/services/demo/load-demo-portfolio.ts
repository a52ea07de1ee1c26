import type { DemoLoadResult } from '../../../shared/api/schemas/app-schemas';
import { STREAM_TERMS_SCHEMAS } from '../../../shared/api/schemas/stream-terms-schemas';
import type { ServiceDeps } from '../service-deps';
import { findLiveAccountByName } from '../../storage/db/repositories/accounts-repository';
import { buildDemoPortfolio } from './demo-portfolio';

/**
 * Writes the demo portfolio into the workspace in one transaction. Accounts whose name is
 * already taken are skipped, so loading twice adds nothing and never overwrites user data.
 */
export async function loadDemoPortfolio({ workspace, now, newId }: ServiceDeps): Promise<DemoLoadResult> {
  const stamp = now().toISOString();
  const portfolio = buildDemoPortfolio(stamp.slice(0, 10));
  const result: DemoLoadResult = { accountsCreated: 0, stakeholdersCreated: 0, observationsWritten: 0 };

  await workspace.db.transaction().execute(async (trx) => {
    for (const demo of portfolio) {
      if (await findLiveAccountByName(trx, demo.name)) continue;
      const accountId = newId();
      await trx
        .insertInto('accounts')
        .values({
          id: accountId,
          name: demo.name,
          customerSegment: demo.customerSegment,
          buyerType: demo.buyerType,
          notes: demo.notes,
          renewalDate: demo.renewalDate,
          contractStartDate: demo.contractStartDate,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .execute();
      const streamIds = new Map<string, string>();
      for (const stream of demo.streams) {
        const id = newId();
        streamIds.set(stream.key, id);
        const terms = STREAM_TERMS_SCHEMAS[stream.revenueModel].parse(stream.terms);
        await trx
          .insertInto('revenueStreams')
          .values({
            id,
            accountId,
            name: stream.name,
            revenueModel: stream.revenueModel,
            paymentEnvironment: stream.paymentEnvironment,
            termsJson: JSON.stringify(terms),
            startDate: demo.contractStartDate,
            endDate: demo.renewalDate,
            createdAt: stamp,
            updatedAt: stamp,
          })
          .execute();
      }
      const stakeholderIds = new Map<string, string>();
      for (const person of demo.stakeholders) {
        const stakeholderId = newId();
        stakeholderIds.set(person.personName, stakeholderId);
        await trx
          .insertInto('stakeholders')
          .values({
            id: stakeholderId,
            accountId,
            archetype: person.archetype,
            personName: person.personName,
            title: person.title,
            email: person.email,
            communicationPreference: person.communicationPreference,
            successDefinition: person.successDefinition,
            lastEngagedOn: person.lastEngagedOn,
            isExecutiveSponsor: person.isExecutiveSponsor ? 1 : 0,
            isBudgetHolder: person.isBudgetHolder ? 1 : 0,
            createdAt: stamp,
            updatedAt: stamp,
          })
          .execute();
        result.stakeholdersCreated += 1;
      }
      const rows = demo.observations.map((o) => ({
        accountId,
        streamId: o.streamKey ? (streamIds.get(o.streamKey) ?? '') : '',
        metricKey: o.metricKey,
        month: o.month,
        value: o.value,
        source: 'demo',
        updatedAt: stamp,
      }));
      // SQLite caps bound parameters per statement; 7 columns × 100 rows stays well inside it.
      for (let i = 0; i < rows.length; i += 100) {
        await trx.insertInto('metricObservations').values(rows.slice(i, i + 100)).execute();
      }
      result.observationsWritten += rows.length;
      for (const goal of demo.goals) {
        await trx
          .insertInto('goals')
          .values({ id: newId(), accountId, streamId: null, title: goal.title, metricKey: goal.metricKey, unit: '', baseline: null, target: goal.target, current: null, dueDate: goal.dueDate, startMonth: goal.startMonth, createdAt: stamp, updatedAt: stamp })
          .execute();
      }
      // Last quarter's review: what it committed to and what became of it, so current decks open with it.
      for (const commitment of demo.commitments) {
        const { stakeholderName, ...fields } = commitment;
        await trx
          .insertInto('commitments')
          .values({
            id: newId(),
            accountId,
            ...fields,
            stakeholderId: stakeholderName ? (stakeholderIds.get(stakeholderName) ?? null) : null,
            quarterRaised: demo.commitmentsQuarter,
            deckId: null,
            proposalKey: null,
            createdAt: stamp,
            updatedAt: stamp,
          })
          .execute();
      }
      result.accountsCreated += 1;
    }
  });
  return result;
}
