import { Tooltip } from '@mantine/core';

/** What each slide layout is called in the outline. */
export const SLIDE_KIND_LABELS: Record<string, string> = {
  title: 'Title slide',
  section: 'Section divider',
  bullets: 'Bullet points',
  chart: 'Chart',
  table: 'Table',
  kpis: 'Headline numbers',
  'two-column': 'Two columns',
  funnel: 'Funnel',
};

/** A small stroke icon for a slide's layout (no icon package is bundled), named for screen readers. */
export function SlideKindIcon({ kind }: { kind: string }) {
  const label = SLIDE_KIND_LABELS[kind] ?? 'Slide';
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <svg
        width={20}
        height={20}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.7}
        strokeLinecap="round"
        strokeLinejoin="round"
        role="img"
        aria-label={label}
        data-kind={kind}
        style={{ flexShrink: 0, color: 'var(--mantine-color-blue-7)' }}
      >
        <KindPath kind={kind} />
      </svg>
    </Tooltip>
  );
}

function KindPath({ kind }: { kind: string }) {
  switch (kind) {
    case 'title':
      return (
        <>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="M7 11h10M9 14h6" />
        </>
      );
    case 'section':
      return (
        <>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="M3 12h18" />
        </>
      );
    case 'bullets':
      return <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />;
    case 'chart':
      return <path d="M4 20V4M4 20h16M8 16v-4M12 16V8M16 16v-6" />;
    case 'table':
      return (
        <>
          <rect x="3" y="4" width="18" height="16" rx="2" />
          <path d="M3 10h18M3 15h18M10 4v16" />
        </>
      );
    case 'kpis':
      return (
        <>
          <rect x="3" y="6" width="8" height="12" rx="1.5" />
          <rect x="13" y="6" width="8" height="12" rx="1.5" />
          <path d="M6 12h2M16 12h2" />
        </>
      );
    case 'two-column':
      return (
        <>
          <rect x="3" y="4" width="18" height="16" rx="2" />
          <path d="M12 4v16" />
        </>
      );
    case 'funnel':
      return <path d="M3 5h18l-7 8v6l-4-2v-4z" />;
    default:
      return <rect x="3" y="5" width="18" height="14" rx="2" />;
  }
}
