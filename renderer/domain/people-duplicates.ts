import { normalisePersonnelNumber } from './people';

/** What the rule needs of an account: the number it signs in with. */
export interface NumberedAccount {
  personnelNumber: string;
}

/** One personnel number held by more than one account, with those accounts. */
export interface DuplicateNumber<A> {
  /** The number as the people module normalises it (normalisePersonnelNumber). */
  number: string;
  /** In the order they were given. */
  accounts: A[];
}

/**
 * Personnel numbers shared by two or more accounts: a conflict derived from the accounts a station
 * knows (decision 0056). Two stations can each give a number offline; the local check in
 * data/people.ts only sees its own station's accounts. Numbers are compared as that check and sign-in
 * compare them (normalised: trimmed, upper case). An inactive account still holds its number,
 * as it does for the local check: it keeps the number from being given again, and sign-in, which
 * takes the first account of a number, may find it instead of the active one. Deleted and erased accounts are not among the accounts (the record layer drops their
 * rows), so they never count. Groups come in the order of their numbers.
 */
export function duplicatePersonnelNumbers<A extends NumberedAccount>(accounts: readonly A[]): DuplicateNumber<A>[] {
  const byNumber = new Map<string, A[]>();
  for (const account of accounts) {
    // Rows are merged from other stations' ops, which the people module did not check: a number
    // that is not text, or blank, is no number anyone signs in with.
    if (typeof account.personnelNumber !== 'string') continue;
    const number = normalisePersonnelNumber(account.personnelNumber);
    if (!number) continue;
    const holders = byNumber.get(number);
    if (holders) holders.push(account);
    else byNumber.set(number, [account]);
  }
  return [...byNumber]
    .filter(([, holders]) => holders.length > 1)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([number, holders]) => ({ number, accounts: holders }));
}
