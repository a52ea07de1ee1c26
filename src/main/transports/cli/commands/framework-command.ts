import { parseArgs } from 'node:util';
import { frameworkCatalog } from '../../../../shared/framework/framework-catalog';
import type { CliCommand } from '../cli-io';
import { formatTable } from '../format-table';

export const frameworkCommand: CliCommand = {
  name: 'framework',
  summary: 'Print the framework catalog: revenue models, stakeholder archetypes (audience keys), payment environments.',
  usage: 'qbr framework [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
    const catalog = frameworkCatalog();
    if (values.json) {
      io.stdout(`${JSON.stringify(catalog, null, 2)}\n`);
      return 0;
    }
    io.stdout(`Framework catalog ${catalog.version}\n\nRevenue models\n`);
    io.stdout(
      formatTable(
        ['Key', 'Model', 'Default orientation', 'Path to revenue', 'Primary stakeholders'],
        catalog.revenueModels.map((m) => [m.key, m.name, m.defaultOrientation, m.pathToRevenue, m.primaryStakeholders.join(', ') || 'follows the dominant stream']),
      ),
    );
    io.stdout('\nStakeholder archetypes (use these keys as deck audiences)\n');
    io.stdout(formatTable(['Key', 'Archetype', 'Believes'], catalog.stakeholderArchetypes.map((a) => [a.key, a.name, a.believableProof.slice(0, 2).join(', ')])));
    io.stdout('\nPayment environments\n');
    io.stdout(formatTable(['Key', 'Environment'], catalog.paymentEnvironments.map((e) => [e.key, e.name])));
    io.stdout('\nRPM codes (default rates: verify against the current fee schedule)\n');
    io.stdout(
      formatTable(
        ['Code', 'Rate', 'As of'],
        catalog.defaultRpmRates.map((r) => [r.code, `$${(r.rateCents / 100).toFixed(2)}`, r.asOf]),
      ),
    );
    io.stdout('\nRemote therapeutic monitoring (RTM) short-tier codes, beside RPM\n');
    io.stdout(
      formatTable(
        ['Code', 'Therapy area', 'Device days / 30', '16-30 day code'],
        catalog.rtmCodes.map((c) => [c.code, c.therapyArea.replace(/_/g, ' '), `${c.deviceDaysPer30.min}-${c.deviceDaysPer30.max}`, c.standardTierCode]),
      ),
    );
    return 0;
  },
};
