import { createTheme } from '@mantine/core';

const SYSTEM_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';

/** One primary colour, system fonts (the app is offline), medium radius and spacing throughout. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  fontFamily: SYSTEM_FONT,
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, monospace',
  headings: { fontFamily: SYSTEM_FONT, fontWeight: '600' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Modal: {
      defaultProps: { centered: true, radius: 'md', overlayProps: { backgroundOpacity: 0.45, blur: 1 } },
      styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    // Mixed-case badges: framework labels such as "PMPM / PEPM" read badly in all caps.
    Badge: { styles: { label: { textTransform: 'none', fontWeight: 600 } } },
    Notification: { defaultProps: { radius: 'md', withBorder: true } },
    // Type-ahead in every select: typing "Phys" picks "Physician practice" with Enter, as a native select would.
    Select: { defaultProps: { searchable: true, selectFirstOptionOnChange: true, nothingFoundMessage: 'Nothing matches' } },
  },
});
