import { createTheme, type MantineColorSchemeManager } from '@mantine/core';

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
    // Icon-only close buttons get a name screen readers can say (a dialog may name its own, e.g. "Cancel").
    Modal: {
      defaultProps: { centered: true, radius: 'md', overlayProps: { backgroundOpacity: 0.45, blur: 1 }, closeButtonProps: { 'aria-label': 'Close' } },
      styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    // Mixed-case badges: framework labels such as "PMPM / PEPM" read badly in all caps.
    Badge: { styles: { label: { textTransform: 'none', fontWeight: 600 } } },
    // Mantine's notification text is gray 6 (3.3:1 on white); gray 7 passes WCAG AA.
    Notification: {
      defaultProps: { radius: 'md', withBorder: true, closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    },
    // Type-ahead in every select: typing "Phys" picks "Physician practice" with Enter, as a native select would.
    Select: { defaultProps: { searchable: true, selectFirstOptionOnChange: true, nothingFoundMessage: 'Nothing matches' } },
    // The eye dropper is an icon-only button: give it a name screen readers can say.
    ColorInput: { defaultProps: { eyeDropperButtonProps: { 'aria-label': 'Pick a colour from the screen' } } },
  },
});

/**
 * The app has one colour scheme and no switch, so Mantine's default manager, which reads the
 * scheme from localStorage as the first render starts (opening the storage: tens of ms on a
 * fresh start), has nothing to read.
 */
export const lightColorScheme: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => {},
  subscribe: () => {},
  unsubscribe: () => {},
  clear: () => {},
};
