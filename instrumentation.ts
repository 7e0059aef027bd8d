/**
 * Runs once when the Next.js server starts: open the results database and apply its migrations then, rather than
 * on the first request, so a broken database shows up at start-up and the first page is not slowed by it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDb } = await import('./db/client');
  await getDb();
}
