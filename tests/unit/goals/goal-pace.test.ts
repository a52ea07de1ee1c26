import { describe, expect, it } from 'vitest';
import { goalStanding } from '../../../src/shared/goals/goal-status';

/*
 * A goal can be short of its target without having missed it yet, and still be plainly off track:
 * Northwind's "Reach 20% engagement" had moved 9.6% → 9.8% in six of its eight months, and the deck
 * said "none off track". Past half its time, a goal that has covered less than half the ground its
 * time would have it cover is behind pace.
 */
describe('a goal behind pace', () => {
  const goal = { baseline: 10, target: 20, startMonth: '2026-01', dueDate: '2026-12-31' };

  it('is behind pace past half its time with less than half the expected progress', () => {
    // ~75% of the time gone, 2% of the way: behind.
    expect(goalStanding({ ...goal, current: 10.2 }, '2026-10-01')).toMatchObject({ key: 'behind_pace' });
    // ~75% of the time gone, 40% of the way (over half of the expected 75%): in progress.
    expect(goalStanding({ ...goal, current: 14 }, '2026-10-01')).toMatchObject({ key: 'in_progress' });
  });

  it('is not judged on pace in the first half of its time, without a start or a due date, or when met, missed or moving away', () => {
    expect(goalStanding({ ...goal, current: 10.1 }, '2026-05-01').key).toBe('in_progress');
    expect(goalStanding({ ...goal, startMonth: null, current: 10.1 }, '2026-10-01').key).toBe('in_progress');
    expect(goalStanding({ ...goal, dueDate: null, current: 10.1 }, '2026-10-01').key).toBe('in_progress');
    expect(goalStanding({ ...goal, current: 20 }, '2026-10-01').key).toBe('met');
    expect(goalStanding({ ...goal, current: 10.1 }, '2027-01-05').key).toBe('missed');
    expect(goalStanding({ ...goal, current: 9 }, '2026-10-01').key).toBe('moving_away');
  });

  it('works the same way for a goal where lower is better', () => {
    const down = { baseline: 20, target: 10, startMonth: '2026-01', dueDate: '2026-12-31' };
    expect(goalStanding({ ...down, current: 19.8 }, '2026-10-01').key).toBe('behind_pace');
    expect(goalStanding({ ...down, current: 15 }, '2026-10-01').key).toBe('in_progress');
  });
});
