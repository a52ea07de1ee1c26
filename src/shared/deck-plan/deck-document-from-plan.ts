import type { BrandSettings, DeckDocument, DeckSlide } from '../deck/deck-document';
import type { DeckPlan } from './deck-plan-types';

/*
 * The render model of a plan: main slides, an "Appendix" divider when there is an appendix, then
 * the appendix slides. The file's timestamp is the plan's date, so the same plan renders the same bytes.
 */

/** The id-less divider placed before the appendix. */
export const APPENDIX_DIVIDER_TITLE = 'Appendix';

/**
 * Turns a (possibly edited) plan into the document the renderer draws.
 * @example const bytes = await renderDeck(deckDocumentFromPlan(plan, brand));
 */
export function deckDocumentFromPlan(plan: DeckPlan, brand: BrandSettings): DeckDocument {
  const main = plan.slides.filter((slide) => slide.section === 'main').map((slide) => slide.content);
  const appendix = plan.slides.filter((slide) => slide.section === 'appendix').map((slide) => slide.content);
  const divider: DeckSlide = { kind: 'section', title: APPENDIX_DIVIDER_TITLE, subtitle: 'Definitions, data sources, methodology and backup slides' };
  const slides = appendix.length > 0 ? [...main, divider, ...appendix] : main;
  const meeting = plan.deckType === 'ebr' ? 'Executive Business Review' : 'Quarterly Business Review';
  return {
    title: `${plan.accountName} — ${meeting} ${plan.quarterLabel}`.slice(0, 300),
    brand,
    slides: slides.length > 0 ? slides : [{ kind: 'title', title: plan.accountName.slice(0, 300) || 'Deck', meetingLabel: `${meeting} · ${plan.quarterLabel}` }],
    author: brand.companyName || undefined,
    createdAt: `${plan.preparedOn}T00:00:00Z`,
  };
}
