/**
 * The cleanup rule of the sync folder (ADR 0051): which bundle files in the shared folder have
 * done their work and may be deleted. Pure: the caller reads the files' headers, its recorded
 * acknowledgements of the other stations and the roster, and passes them in.
 */

/** What one bundle file carried, as far as the cleanup needs it. */
export interface FolderBundle {
  name: string;
  sender: string;
  /** When the sender made it (UTC ISO): orders the files of one sender. */
  madeAt: string;
  recipients: readonly string[];
  /** For each (origin, stream) it carried ops of: the highest seq. Empty when it carried only acks. */
  carried: ReadonlyArray<{ origin: string; stream: string; maxSeq: number }>;
}

export interface CleanupInput {
  files: readonly FolderBundle[];
  /** Per station: the highest seq it holds without a gap, per "origin|stream" (its latest ack table). */
  acks: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Stations deactivated or revoked in the roster: they no longer block a cleanup. */
  retired: ReadonlySet<string>;
  /** Whether a station's zone may see a stream: a recipient never acknowledges what it may not hold. */
  sees: (stationId: string, stream: string) => boolean;
}

/** Every active recipient that may see a stream the file carried holds all of it. */
function acknowledged(file: FolderBundle, input: CleanupInput): boolean {
  return file.recipients
    .filter((r) => !input.retired.has(r))
    .every((r) => file.carried.every(({ origin, stream, maxSeq }) => !input.sees(r, stream) || (input.acks[r]?.[`${origin}|${stream}`] ?? 0) >= maxSeq));
}

/**
 * The names of the files that may be deleted. A file may go when every recipient that is still
 * active has acknowledged everything it carried; a retired recipient no longer blocks. A file that
 * carried no ops still brings its sender's acknowledgements, so it stays until a newer file of the
 * same sender is in the folder (which carries newer ones).
 */
export function deletableBundles(input: CleanupInput): string[] {
  const newest = new Map<string, string>();
  for (const f of input.files) if ((newest.get(f.sender) ?? '') < f.madeAt) newest.set(f.sender, f.madeAt);
  return input.files
    .filter((f) => (f.carried.length > 0 || f.madeAt < (newest.get(f.sender) ?? '')) && acknowledged(f, input))
    .map((f) => f.name);
}
