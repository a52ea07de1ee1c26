import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../app/app-store';

/**
 * A screen's heading (h2). After a navigation it takes focus as soon as it is shown (once the
 * screen has loaded), so keyboard and screen-reader users start at the top of the new screen.
 */
export function ScreenTitle(props: Omit<TitleProps, 'order'>) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!useAppStore.getState().focusOnArrival || !ref.current) return;
    useAppStore.setState({ focusOnArrival: false });
    ref.current.focus({ preventScroll: true });
  }, []);
  return <Title order={2} ref={ref} tabIndex={-1} {...props} style={{ outlineOffset: 4, ...(props.style as object) }} />;
}
