import { Checkbox, List, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PAYMENT_ENVIRONMENT_CATALOG, paymentEnvironment } from '../../../../shared/framework/payment-environments';
import type { PaymentEnvironmentKey } from '../../../../shared/framework/keys';
import { PAYMENT_ENVIRONMENT_LABELS, PAYMENT_ENVIRONMENT_OPTIONS } from '../../framework-labels';
import { useWizardStore } from '../wizard-store';

const ACCOUNT_DEFAULT = 'account';

/** Step 3: how the buyer is paid, for the account and, where a line of business differs, per stream. */
export function EnvironmentStep() {
  const answers = useWizardStore((state) => state.answers);
  const { setEnvironments, setStreamEnvironments } = useWizardStore.getState();
  const selected = answers.paymentEnvironments;
  const inUse = [...new Set([...selected, ...answers.streams.flatMap((stream) => stream.paymentEnvironments ?? [])])];

  return (
    <Stack gap="lg">
      <Checkbox.Group
        label="The buyer's payment environment"
        description="Tick every one that applies; a health system may run Medicare Advantage and fee-for-service lines side by side."
        value={selected}
        onChange={(values) => setEnvironments(values as PaymentEnvironmentKey[])}
        styles={{ label: { fontWeight: 600 }, description: { marginBottom: 8 } }}
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt={4}>
          {PAYMENT_ENVIRONMENT_CATALOG.map((env) => (
            <Paper key={env.key} withBorder px="md" py="sm" style={{ borderColor: selected.includes(env.key) ? 'var(--mantine-primary-color-filled)' : undefined }}>
              <Checkbox value={env.key} label={env.name} description={env.howBuyerIsPaid} styles={{ label: { fontWeight: 500 } }} />
            </Paper>
          ))}
        </SimpleGrid>
      </Checkbox.Group>

      {answers.streams.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h6">
            Per revenue stream
          </Title>
          <Text size="sm" c="dimmed">
            A stream follows the account's environment unless its line of business is paid differently.
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {answers.streams.map((stream) => (
              <Select
                key={stream.id}
                label={stream.label ?? 'Stream'}
                data={[{ value: ACCOUNT_DEFAULT, label: "Same as the account's" }, ...PAYMENT_ENVIRONMENT_OPTIONS]}
                value={stream.paymentEnvironments?.[0] ?? ACCOUNT_DEFAULT}
                onChange={(next) => setStreamEnvironments(stream.id!, !next || next === ACCOUNT_DEFAULT ? null : [next as PaymentEnvironmentKey])}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            ))}
          </SimpleGrid>
        </Stack>
      )}

      {inUse.length > 0 && (
        <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
          <Stack gap="xs">
            <Title order={4} size="h6">
              Keep in mind
            </Title>
            {inUse.map((key) => (
              <Stack key={key} gap={2}>
                <Text size="sm" fw={600}>
                  {PAYMENT_ENVIRONMENT_LABELS[key]}
                </Text>
                <List size="xs" spacing={2}>
                  {paymentEnvironment(key).csConsiderations.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </Stack>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
