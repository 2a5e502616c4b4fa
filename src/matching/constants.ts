import type { MatchDecisionValue } from '../store/matches';

/**
 * Entity-resolution constants without dependencies, so the CLI and the API can describe their
 * options without loading the name machinery (any-ascii's tables) until it is used.
 */
export const MATCH_DECISIONS: readonly MatchDecisionValue[] = ['confirmed', 'rejected', 'unsure'];
export const MATCH_DECISION_SV: Record<MatchDecisionValue, string> = { confirmed: 'bekräftad', rejected: 'avvisad', unsure: 'osäker' };

export type MatchStatus = 'proposed' | MatchDecisionValue;
export const MATCH_STATUSES: readonly MatchStatus[] = ['proposed', 'unsure', 'confirmed', 'rejected'];

/** Default threshold of the candidate list. */
export const DEFAULT_MIN_SCORE = 0.6;
