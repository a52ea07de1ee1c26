import { Alert, Button, Card, Center, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useOnboardingStore, type OnboardingChoice } from './onboarding-store';

interface ChoiceCardProps {
  choice: OnboardingChoice;
  title: string;
  description: string;
  action: string;
  primary?: boolean;
}

/** First run: the workspace is empty, so offer the demo portfolio or a clean start. */
export function WelcomeScreen() {
  const error = useOnboardingStore((state) => state.error);
  const pending = useOnboardingStore((state) => state.pending);

  return (
    <Center mih="100%" p="xl" bg="var(--mantine-color-gray-0)">
      <Stack maw={760} w="100%" gap="xl">
        <Stack gap="xs">
          <Title order={1}>Welcome to QBR Workbench</Title>
          <Text size="lg" c="dimmed">
            Model each account's revenue model, value orientation and payment environment, then build QBR decks that speak to
            every stakeholder. Everything stays on this computer.
          </Text>
        </Stack>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <ChoiceCard
            choice="demo"
            primary
            title="Explore with demo data"
            description="A fictional portfolio of digital-health accounts covering all five revenue models, with stakeholders and 18 months of metrics. You can delete them later."
            action="Load the demo portfolio"
          />
          <ChoiceCard
            choice="empty"
            title="Start with your own accounts"
            description="An empty workspace. Add your first account from the portfolio screen; you can still load the demo portfolio from there."
            action="Start with an empty workspace"
          />
        </SimpleGrid>

        <Text size="sm" c="dimmed" role="status" mih="1.5em">
          {pending === 'demo' && 'Creating the demo accounts, their stakeholders and 18 months of metrics…'}
          {pending === 'empty' && 'Preparing your workspace…'}
        </Text>

        {error && (
          <Alert color="red" variant="light" title="That didn't work">
            {error}
          </Alert>
        )}
      </Stack>
    </Center>
  );
}

function ChoiceCard({ choice, title, description, action, primary = false }: ChoiceCardProps) {
  const pending = useOnboardingStore((state) => state.pending);
  const choose = useOnboardingStore((state) => state.choose);

  return (
    <Card withBorder shadow="xs" padding="lg" radius="md">
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap={6}>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        <Button
          variant={primary ? 'filled' : 'default'}
          onClick={() => void choose(choice)}
          loading={pending === choice}
          disabled={pending !== null && pending !== choice}
          fullWidth
          mt="md"
        >
          {action}
        </Button>
      </Stack>
    </Card>
  );
}
