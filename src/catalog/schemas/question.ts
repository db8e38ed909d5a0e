import { z } from 'astro/zod';

/**
 * Essays and notes are titled by the question they answer, ending in a
 * question mark (Latin, full-width or Arabic). Long titles break layouts and
 * share cards.
 */
export const QUESTION_MAX_LENGTH = 200;

export const questionSchema = z
  .string()
  .trim()
  .min(1)
  .max(QUESTION_MAX_LENGTH, `expected at most ${QUESTION_MAX_LENGTH} characters: a title is one question; put detail in the body`)
  .refine((t) => /[?？؟]$/.test(t), 'expected a question ending in "?"');
