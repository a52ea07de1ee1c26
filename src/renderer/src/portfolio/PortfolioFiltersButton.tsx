import { Badge, Button, Checkbox, Group, MultiSelect, Popover, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PortfolioFilters, PortfolioHealthFilter, PortfolioSetupFilter, PortfolioSignalFilter } from '../../../shared/api/schemas/portfolio-view-schemas';
import type { CustomerSegmentKey, RevenueModelKey } from '../../../shared/framework/keys';
import { CUSTOMER_SEGMENT_OPTIONS, REVENUE_MODEL_LABELS } from '../labels';
import { activeFilterCount } from './portfolio-filters';

const HEALTH_OPTIONS: { value: PortfolioHealthFilter; label: string }[] = [
  { value: 'healthy', label: 'Healthy' },
  { value: 'watch', label: 'Watch' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'no_score', label: 'No score' },
];

const SIGNAL_OPTIONS: { value: PortfolioSignalFilter; label: string }[] = [
  { value: 'critical', label: 'Critical' },
  { value: 'warning', label: 'Warning' },
  { value: 'info', label: 'Note' },
  { value: 'none', label: 'None' },
];

const RENEWAL_OPTIONS = [
  { value: 'any', label: 'Any date' },
  ...[30, 60, 90, 180, 365].map((days) => ({ value: String(days), label: `Within ${days} days` })),
];

const SETUP_OPTIONS: { value: PortfolioSetupFilter; label: string }[] = [
  { value: 'any', label: 'Any' },
  { value: 'incomplete', label: 'To finish' },
  { value: 'complete', label: 'Complete' },
];

const MODEL_OPTIONS = (Object.keys(REVENUE_MODEL_LABELS) as RevenueModelKey[]).map((value) => ({ value, label: REVENUE_MODEL_LABELS[value] }));

interface PortfolioFiltersButtonProps {
  filters: PortfolioFilters;
  onChange(change: Partial<PortfolioFilters>): void;
  onClear(): void;
}

/** "Filters": health band, worst signal, revenue model, segment, renewal window and setup, in a popover. */
export function PortfolioFiltersButton({ filters, onChange, onClear }: PortfolioFiltersButtonProps) {
  const count = activeFilterCount(filters);
  return (
    <Popover position="bottom-end" width={520} shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" rightSection={count > 0 ? <Badge size="sm" circle>{count}</Badge> : null} aria-label={count > 0 ? `Filters, ${count} on` : 'Filters'}>
          Filters
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Filter accounts" role="dialog" style={{ maxHeight: 'calc(100dvh - 140px)', overflowY: 'auto' }}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="md">
            <Checkbox.Group label="Health" value={filters.health} onChange={(value) => onChange({ health: value as PortfolioHealthFilter[] })}>
              <Stack gap={6} mt={6}>
                {HEALTH_OPTIONS.map((option) => (
                  <Checkbox key={option.value} size="xs" value={option.value} label={option.label} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox.Group label="Worst signal" value={filters.signals} onChange={(value) => onChange({ signals: value as PortfolioSignalFilter[] })}>
              <Stack gap={6} mt={6}>
                {SIGNAL_OPTIONS.map((option) => (
                  <Checkbox key={option.value} size="xs" value={option.value} label={option.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="md">
            <MultiSelect
              label="Revenue model"
              placeholder={filters.revenueModels.length === 0 ? 'Any model' : undefined}
              data={MODEL_OPTIONS}
              value={filters.revenueModels}
              onChange={(value) => onChange({ revenueModels: value as RevenueModelKey[] })}
              comboboxProps={{ withinPortal: false }}
              searchable
            />
            <MultiSelect
              label="Segment"
              placeholder={filters.segments.length === 0 ? 'Any segment' : undefined}
              data={CUSTOMER_SEGMENT_OPTIONS}
              value={filters.segments}
              onChange={(value) => onChange({ segments: value as CustomerSegmentKey[] })}
              comboboxProps={{ withinPortal: false }}
              searchable
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="md">
            <Select
              label="Renewal"
              data={RENEWAL_OPTIONS}
              value={filters.renewalWithinDays === null ? 'any' : String(filters.renewalWithinDays)}
              onChange={(value) => onChange({ renewalWithinDays: !value || value === 'any' ? null : Number(value) })}
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="setup-filter-label">
                Setup
              </Text>
              <SegmentedControl
                aria-labelledby="setup-filter-label"
                data={SETUP_OPTIONS}
                value={filters.setup}
                onChange={(value) => onChange({ setup: value as PortfolioSetupFilter })}
              />
            </Stack>
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="subtle" size="xs" onClick={onClear} disabled={count === 0}>
              Clear filters
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
