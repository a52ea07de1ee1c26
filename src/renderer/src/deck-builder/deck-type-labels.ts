import type { DeckType } from '../../../shared/deck-plan/deck-plan-types';

/** Deck types as the builders offer them. */
export const DECK_TYPE_OPTIONS: { value: DeckType; label: string; description: string }[] = [
  { value: 'qbr', label: 'QBR', description: 'Quarterly business review with the operational champion' },
  { value: 'ebr', label: 'EBR', description: 'Executive business review with the executive sponsor' },
];
