import { Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { countOf } from '../format';
import { useDeckBuilderStore } from './deck-builder-store';
import { arrangeSlides, canMove, editCount, moveSlide, setHidden, setNotes, setSection, setTitle, type ArrangedSlide } from './outline-edits';
import { SlideCard } from './SlideCard';

/** A main body in this range keeps a review to its hour; outside it the count is flagged. */
const MAIN_BODY_RANGE = { min: 8, max: 15 } as const;

/** The slide outline: main body then appendix, each slide editable, with counts as exported. */
export function SlideOutline() {
  const { outline, editedOutline, edits, planStatus, updateEdits, resetEdits } = useDeckBuilderStore();
  if (!outline) return null;
  const arranged = arrangeSlides(outline.slides, edits);
  const main = arranged.filter((s) => s.section === 'main');
  const appendix = arranged.filter((s) => s.section === 'appendix');
  const mainCount = main.filter((s) => !s.hidden).length;
  const inRange = mainCount >= MAIN_BODY_RANGE.min && mainCount <= MAIN_BODY_RANGE.max;
  const changes = editCount(edits);

  const move = (id: string, delta: -1 | 1) => {
    updateEdits((current) => moveSlide(current, arranged, id, delta));
    // The card is re-inserted where it moved to; keep the keyboard on it.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="deck-slide"][data-slide-id="${CSS.escape(id)}"]`)?.focus());
  };

  const renderList = (items: ArrangedSlide[], label: string, numberOf: (visibleIndex: number) => string) => {
    let visible = 0;
    return (
      <Stack component="ol" gap="xs" p={0} m={0} aria-label={label}>
        {items.map((item) => {
          const number = item.hidden ? null : numberOf(++visible);
          return (
            <SlideCard
              key={item.slide.id}
              item={item}
              number={number}
              canMoveUp={canMove(arranged, item.slide.id, -1)}
              canMoveDown={canMove(arranged, item.slide.id, 1)}
              onMove={(delta) => move(item.slide.id, delta)}
              onHidden={(hidden) => updateEdits((current) => setHidden(current, item.slide.id, hidden))}
              onSection={(section) => updateEdits((current) => setSection(current, item.slide, section))}
              onTitle={(title) => updateEdits((current) => setTitle(current, item.slide, title))}
              onNotes={(notes) => updateEdits((current) => setNotes(current, item.slide, notes))}
            />
          );
        })}
      </Stack>
    );
  };

  return (
    <Stack gap="md" data-testid="deck-outline">
      <Group justify="space-between" align="center" gap="sm">
        <Group gap="sm" align="center">
          <Badge size="lg" radius="sm" variant="light" color={inRange ? 'teal' : 'yellow'} data-testid="deck-main-count">
            Main body: {countOf(mainCount, 'slide')}
          </Badge>
          <Group gap={6} aria-live="polite" data-testid="deck-file-count">
            {planStatus === 'planning' && <Loader size={12} aria-hidden="true" />}
            <Text size="sm" c="dimmed">
              {planStatus === 'planning'
                ? 'Updating the plan…'
                : editedOutline
                  ? `The file will have ${countOf(editedOutline.renderedSlideCount, 'slide')}, with the appendix divider and any continued tables.`
                  : ''}
            </Text>
          </Group>
        </Group>
        {changes > 0 && (
          <Button size="xs" variant="subtle" color="gray" onClick={resetEdits}>
            Undo all edits ({changes})
          </Button>
        )}
      </Group>
      {!inRange && (
        <Text size="xs" c="yellow.9">
          {mainCount < MAIN_BODY_RANGE.min
            ? `A main body under ${MAIN_BODY_RANGE.min} slides may leave the review without its evidence; consider showing hidden slides.`
            : `A main body over ${MAIN_BODY_RANGE.max} slides rarely fits the meeting; move some slides to the appendix.`}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Tip: focus a slide and press Alt+↑ or Alt+↓ to move it. Hidden slides stay listed so you can show them again.
      </Text>

      <Title order={4} size="h6">
        Main body
      </Title>
      {renderList(main, 'Main body slides', (n) => String(n))}
      <Title order={4} size="h6">
        Appendix
      </Title>
      {appendix.length > 0 ? (
        renderList(appendix, 'Appendix slides', (n) => `A${n}`)
      ) : (
        <Text size="sm" c="dimmed">
          No appendix slides.
        </Text>
      )}
    </Stack>
  );
}
