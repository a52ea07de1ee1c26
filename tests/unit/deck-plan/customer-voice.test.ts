import { describe, expect, it } from 'vitest';
import { customerVoice } from '../../../src/shared/deck-plan/customer-voice';

describe('the customer voice of a slide', () => {
  it('speaks to the customer, not of "the buyer", and of us, not of "the vendor"', () => {
    expect(customerVoice("The buyer's eligibility file; Our platform (monitoring / engagement data)")).toBe('Your eligibility file; Our platform (monitoring / engagement data)');
    expect(customerVoice("Our platform (monitoring / engagement data) or The buyer's claims data or an independent evaluator")).toBe('Our platform (monitoring / engagement data) or your claims data or an independent evaluator');
    expect(customerVoice("Agree a matched-cohort method with the buyer's actuary or an independent evaluator.")).toBe('Agree a matched-cohort method with your actuary or an independent evaluator.');
    expect(customerVoice('What data the buyer and vendor send each other, and how often, is not agreed.')).toBe('What data you and we send each other, and how often, is not agreed.');
    expect(customerVoice("claims access is often outside the vendor's control")).toBe('claims access is often outside our control');
    expect(customerVoice('Agree with the buyer which measure would convince them and where the data will come from.')).toBe('Agree which measure would convince you and where the data will come from.');
    expect(customerVoice('Reconciliation with the buyer')).toBe('Reconciliation with you');
  });
});
