import { Alert, Button, ColorInput, FileButton, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { DEFAULT_BRAND } from '../../../shared/deck/deck-document';
import { useFileDialogsStore } from '../api/file-dialogs';
import { notifySuccess } from '../notify';
import { isBrandDirty, useBrandSettingsStore } from './brand-settings-store';

const SWATCHES = ['#1F4E79', '#5B9BD5', '#0F766E', '#7C3AED', '#B91C1C', '#C2410C', '#15803D', '#334155'];

/** Company name, colours, fonts and logo of generated decks, typed or read from the company's template. */
export function BrandSettingsSection() {
  const store = useBrandSettingsStore();
  const { values, fieldErrors, formError, saving, templatePath, readingTemplate, templateNote, setValue } = store;
  const dirty = useBrandSettingsStore(isBrandDirty);
  const noDialogs = useFileDialogsStore((state) => state.unavailableReason);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await store.save()) notifySuccess('Deck brand saved', 'New decks use it from now on.');
  }

  return (
    <Paper withBorder p="lg" component="section" aria-label="Deck brand">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label="Deck brand">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={3} size="h5">
              Deck brand
            </Title>
            <Text size="sm" c="dimmed">
              How the decks you export look. Blank fields use the built-in theme.
            </Text>
          </Stack>
          {formError && (
            <Alert color="red" variant="light" title="Couldn't save the deck brand">
              {formError}
            </Alert>
          )}

          <Stack gap={6}>
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label="Read from a company template"
                description={noDialogs ? `${noDialogs} Colours, fonts and logo fill the fields below for review.` : 'A .pptx or .potx file; its colours, fonts and logo fill the fields below for review'}
                placeholder="/path/to/company-template.pptx"
                value={templatePath}
                onChange={(event) => store.setTemplatePath(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    void store.readTemplate();
                  }
                }}
                error={fieldErrors.templatePath}
                spellCheck={false}
                style={{ flex: 1 }}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              />
              {!noDialogs && (
                <Button variant="default" onClick={() => void store.chooseTemplate()} mb={fieldErrors.templatePath ? 22 : 0}>
                  Choose…
                </Button>
              )}
              <Button variant="light" onClick={() => void store.readTemplate()} loading={readingTemplate} mb={fieldErrors.templatePath ? 22 : 0}>
                Read
              </Button>
            </Group>
            {templateNote && (
              <Text size="sm" c="teal.8" role="status">
                {templateNote}
              </Text>
            )}
          </Stack>

          <TextInput
            label="Company name"
            description="Your company, as it should appear on title slides and footers"
            maxLength={200}
            value={values.companyName}
            onChange={(event) => setValue('companyName', event.currentTarget.value)}
            error={fieldErrors.companyName}
          />
          <SimpleGrid cols={2} spacing="md">
            <ColorInput
              label="Primary colour"
              description="Titles, chart series and the title slide"
              format="hex"
              fixOnBlur={false}
              placeholder={`#${DEFAULT_BRAND.primaryColor} (default)`}
              swatches={SWATCHES}
              value={values.primaryColor}
              onChange={(value) => setValue('primaryColor', value.toUpperCase())}
              error={fieldErrors.primaryColor}
            />
            <ColorInput
              label="Secondary colour"
              description="Accents and the second chart series"
              format="hex"
              fixOnBlur={false}
              placeholder={`#${DEFAULT_BRAND.secondaryColor} (default)`}
              swatches={SWATCHES}
              value={values.secondaryColor}
              onChange={(value) => setValue('secondaryColor', value.toUpperCase())}
              error={fieldErrors.secondaryColor}
            />
            <TextInput
              label="Heading font"
              description="Installed on the machines that show the deck"
              placeholder={`${DEFAULT_BRAND.fontHeading} (default)`}
              maxLength={100}
              value={values.fontHeading}
              onChange={(event) => setValue('fontHeading', event.currentTarget.value)}
              error={fieldErrors.fontHeading}
            />
            <TextInput
              label="Body font"
              description="Text, tables and chart labels"
              placeholder={`${DEFAULT_BRAND.fontBody} (default)`}
              maxLength={100}
              value={values.fontBody}
              onChange={(event) => setValue('fontBody', event.currentTarget.value)}
              error={fieldErrors.fontBody}
            />
          </SimpleGrid>

          <Stack gap={6}>
            <Text size="sm" fw={500} id="brand-logo-label">
              Logo
            </Text>
            <Text size="xs" c="dimmed" mt={-6}>
              PNG, at most 512 KB; shown on the title slide and in the footer
            </Text>
            <Group gap="md" align="center">
              {values.logoPng ? (
                <Paper withBorder p={6} bg="gray.0">
                  <Image src={`data:image/png;base64,${values.logoPng}`} alt="Logo preview" h={48} w="auto" maw={220} fit="contain" />
                </Paper>
              ) : (
                <Text size="sm" c="dimmed">
                  No logo
                </Text>
              )}
              <FileButton onChange={(file) => void store.setLogoFile(file)} accept="image/png">
                {(props) => (
                  <Button {...props} variant="default" size="xs" aria-describedby="brand-logo-label">
                    {values.logoPng ? 'Replace logo…' : 'Choose logo…'}
                  </Button>
                )}
              </FileButton>
              {values.logoPng && (
                <Button variant="subtle" color="red" size="xs" onClick={() => setValue('logoPng', null)}>
                  Remove logo
                </Button>
              )}
            </Group>
            {fieldErrors.logoPng && (
              <Text size="xs" c="red" role="alert">
                {fieldErrors.logoPng}
              </Text>
            )}
          </Stack>

          <Group justify="flex-end" gap="sm">
            <Button type="submit" loading={saving} disabled={!dirty}>
              Save deck brand
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
