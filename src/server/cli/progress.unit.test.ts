import { describe, expect, it } from 'vitest';
import { formatSeconds } from './progress.ts';

describe('formatSeconds (the progress bar ETA)', () => {
  it('reads as seconds, minutes and seconds, or hours and minutes', () => {
    expect([0, 7.4, 59.6, 95, 3599, 4000].map(formatSeconds)).toEqual(['0s', '7s', '1m00s', '1m35s', '59m59s', '1h06m']);
  });
});
