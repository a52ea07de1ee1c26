import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { identificationAnswersSchema } from '../../../../shared/framework/answers';
import { identify } from '../../../../shared/framework/identify';
import { CliUsageError, type CliCommand } from '../cli-io';

export const identifyCommand: CliCommand = {
  name: 'identify',
  summary: "Identify an account's revenue model(s), engagement gates and open questions from an answers file.",
  usage: 'qbr identify --answers FILE [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { answers: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    if (!values.answers) throw new CliUsageError('Say which answers file to read: --answers FILE (see resources/examples/).');
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(values.answers, 'utf8'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : 'it is not valid JSON';
      io.stderr(`qbr identify: cannot read ${values.answers}: ${reason}.\n`);
      return 1;
    }
    const parsed = identificationAnswersSchema.safeParse(raw);
    if (!parsed.success) {
      io.stderr(`qbr identify: ${values.answers} does not match the answers format:\n`);
      for (const issue of parsed.error.issues.slice(0, 20)) io.stderr(`  ${issue.path.join('.') || '(top level)'}: ${issue.message}\n`);
      return 1;
    }
    const result = identify(parsed.data);
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const lines: string[] = [];
    lines.push(`Primary model: ${result.primaryModel ?? 'not identified yet'}${result.isHybrid ? ` (hybrid: ${result.hybridStructure ?? 'structure unclear'})` : ''}`);
    for (const ranked of result.rankedModels) {
      lines.push(`  ${ranked.role.padEnd(10)} ${ranked.model}`);
      for (const why of ranked.reasons) lines.push(`             - ${why.text}`);
    }
    lines.push('', 'Streams:');
    for (const stream of result.streams) {
      lines.push(`  ${stream.label ?? stream.id}: ${stream.model ?? 'unknown model'}; buyer experiences it as ${stream.statedOrientation} (framework expects ${stream.expectedOrientation}); path to revenue ${stream.pathToRevenue}`);
    }
    lines.push('', `Engagement gates: ${result.engagementGates.map((g) => g.gate).join(', ') || 'not yet known'}`);
    if (result.shortestPathToRevenue) lines.push(`Shortest path from engagement to revenue: ${result.shortestPathToRevenue}`);
    for (const conflict of result.incentiveConflicts) lines.push('', `Conflicting incentives (${conflict.kind}): ${conflict.description}`);
    if (result.findings.length) {
      lines.push('', 'Findings:');
      for (const finding of result.findings) lines.push(`  - ${finding.text}`);
    }
    lines.push('', result.openQuestions.length ? 'Open questions:' : 'No open questions.');
    for (const question of result.openQuestions) lines.push(`  [${question.priority}] ${question.question}`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
