import { ActionIcon, Badge, Box, Button, Group, Paper, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { ChartView } from '../metrics/ChartView';
import { MAX_NOTES_LENGTH, MAX_TITLE_LENGTH, type ArrangedSlide } from './outline-edits';
import { SlideKindIcon } from './SlideKindIcon';

interface SlideCardProps {
  item: ArrangedSlide;
  /** Position in the deck as exported (hidden slides have none). */
  number: string | null;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove(delta: -1 | 1): void;
  onHidden(hidden: boolean): void;
  onSection(section: 'main' | 'appendix'): void;
  onTitle(title: string): void;
  onNotes(notes: string): void;
}

/**
 * One slide of the outline: action title (renamable in place), why it is in the deck, a preview of
 * its chart, speaker notes (editable), and the controls to move, hide or send it to the appendix.
 * Alt+↑ / Alt+↓ move the focused slide.
 */
export function SlideCard({ item, number, canMoveUp, canMoveDown, onMove, onHidden, onSection, onTitle, onNotes }: SlideCardProps) {
  const { slide, title, notes, hidden, section } = item;
  const [titleDraft, setTitleDraft] = useState<string | null>(null);
  // Escape cancels; the blur that follows as the field goes away must not save.
  const titleCancelled = useRef(false);
  const [notesOpen, setNotesOpen] = useState(false);
  const [notesDraft, setNotesDraft] = useState<string | null>(null);
  const short = title.length > 60 ? `${title.slice(0, 57)}…` : title;

  function onCardKey(event: KeyboardEvent<HTMLElement>) {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key === 'ArrowUp' && canMoveUp) {
      event.preventDefault();
      onMove(-1);
    } else if (event.key === 'ArrowDown' && canMoveDown) {
      event.preventDefault();
      onMove(1);
    }
  }

  function saveTitle() {
    if (titleDraft !== null && !titleCancelled.current) onTitle(titleDraft);
    setTitleDraft(null);
  }

  function startRename() {
    titleCancelled.current = false;
    setTitleDraft(title);
  }

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      tabIndex={0}
      onKeyDown={onCardKey}
      aria-label={`${number ? `Slide ${number}: ` : 'Hidden slide: '}${title}`}
      data-testid="deck-slide"
      data-slide-id={slide.id}
      data-hidden={hidden || undefined}
      style={{ listStyle: 'none', background: hidden ? 'var(--mantine-color-gray-0)' : undefined }}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4} align="center" w={32} style={{ flexShrink: 0, opacity: hidden ? 0.55 : 1 }}>
          <Text size="sm" fw={700} c={hidden ? 'dimmed' : 'gray.7'} aria-hidden="true">
            {number ?? '–'}
          </Text>
          <SlideKindIcon kind={slide.kind} />
        </Stack>

        <Stack gap={6} style={{ flex: 1, minWidth: 0, opacity: hidden ? 0.7 : 1 }}>
          {titleDraft === null ? (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text fw={600} size="sm" style={{ minWidth: 0, textDecoration: hidden ? 'line-through' : undefined }} data-testid="deck-slide-title">
                {title}
              </Text>
              {item.titleEdited && (
                <Badge size="xs" variant="light" color="grape" radius="sm">
                  Retitled
                </Badge>
              )}
            </Group>
          ) : (
            <TextInput
              aria-label={`New title for “${short}”`}
              value={titleDraft}
              onChange={(event) => setTitleDraft(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') saveTitle();
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  titleCancelled.current = true;
                  setTitleDraft(null);
                }
              }}
              onBlur={saveTitle}
              maxLength={MAX_TITLE_LENGTH}
              description="Enter saves, Escape cancels; empty restores the planned title"
              data-autofocus
              autoFocus
              size="sm"
            />
          )}
          {slide.subtitle && (
            <Text size="xs" c="dimmed">
              {slide.subtitle}
            </Text>
          )}
          <Text size="xs" c="gray.7" data-testid="deck-slide-reason">
            <Text span fw={600} inherit>
              Why it’s here:{' '}
            </Text>
            {slide.reason}
          </Text>
          {hidden && (
            <Badge size="sm" color="gray" variant="outline" radius="sm" w="fit-content">
              Hidden: left out of the export
            </Badge>
          )}

          {slide.charts.length > 0 && !hidden && (
            <Box maw={560} pt={4}>
              {slide.charts.map((spec) => (
                <ChartView key={spec.id} spec={spec} height={200} />
              ))}
            </Box>
          )}

          {notesOpen && (
            <Paper bg="var(--mantine-color-gray-0)" p="xs" radius="sm">
              {notesDraft === null ? (
                <Stack gap={6}>
                  <Text size="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="deck-slide-notes">
                    {notes ?? 'No speaker notes.'}
                  </Text>
                  <Group gap="xs">
                    <Button size="compact-xs" variant="default" onClick={() => setNotesDraft(notes ?? '')}>
                      Edit notes
                    </Button>
                    {item.notesEdited && (
                      <Button size="compact-xs" variant="subtle" onClick={() => onNotes('')}>
                        Restore planned notes
                      </Button>
                    )}
                  </Group>
                </Stack>
              ) : (
                <Stack gap={6}>
                  <Textarea
                    label={`Speaker notes for “${short}”`}
                    value={notesDraft}
                    onChange={(event) => setNotesDraft(event.currentTarget.value)}
                    autosize
                    minRows={4}
                    maxRows={14}
                    maxLength={MAX_NOTES_LENGTH}
                    autoFocus
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') {
                        event.stopPropagation();
                        setNotesDraft(null);
                      }
                    }}
                  />
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      onClick={() => {
                        onNotes(notesDraft);
                        setNotesDraft(null);
                      }}
                    >
                      Save notes
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setNotesDraft(null)}>
                      Cancel
                    </Button>
                  </Group>
                </Stack>
              )}
            </Paper>
          )}
        </Stack>

        <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Move up (Alt+↑)" withArrow openDelay={300}>
              <ActionIcon variant="default" aria-label={`Move “${short}” up`} disabled={!canMoveUp} onClick={() => onMove(-1)}>
                <Arrow up />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down (Alt+↓)" withArrow openDelay={300}>
              <ActionIcon variant="default" aria-label={`Move “${short}” down`} disabled={!canMoveDown} onClick={() => onMove(1)}>
                <Arrow up={false} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="default" aria-label={`Rename “${short}”`} onClick={startRename} disabled={titleDraft !== null}>
              Rename
            </Button>
            <Button size="compact-xs" variant="default" aria-label={`${hidden ? 'Show' : 'Hide'} “${short}”`} onClick={() => onHidden(!hidden)}>
              {hidden ? 'Show' : 'Hide'}
            </Button>
          </Group>
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="subtle"
              aria-expanded={notesOpen}
              aria-label={`${notesOpen ? 'Hide' : 'Show'} speaker notes for “${short}”`}
              onClick={() => {
                setNotesOpen(!notesOpen);
                setNotesDraft(null);
              }}
            >
              {notesOpen ? 'Hide notes' : item.notesEdited ? 'Notes (edited)' : 'Notes'}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={`Move “${short}” to the ${section === 'main' ? 'appendix' : 'main body'}`}
              onClick={() => onSection(section === 'main' ? 'appendix' : 'main')}
            >
              {section === 'main' ? 'To appendix' : 'To main body'}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

function Arrow({ up }: { up: boolean }) {
  return (
    <svg width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {up ? <path d="M12 19V5M5 12l7-7 7 7" /> : <path d="M12 5v14M5 12l7 7 7-7" />}
    </svg>
  );
}
