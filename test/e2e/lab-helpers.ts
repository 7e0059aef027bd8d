import type { Page } from 'playwright-core';

/** The editor's visible text; Monaco renders spaces as no-break spaces. */
export async function editorText(page: Page): Promise<string> {
  return ((await page.locator('.monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/**
 * Waits for Monaco (not the textarea fallback) and replaces the whole policy source; checks that it took, because a
 * hover or marker widget left open by a previous run can swallow the first keystrokes.
 */
export async function replacePolicySource(page: Page, source: string): Promise<void> {
  const lines = page.locator('.monaco-editor .view-lines').first();
  await lines.waitFor({ timeout: 60_000 });
  const firstLine = source.split('\n').find((line) => line.includes('label:'))!.trim();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Escape');
    await lines.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // insertText arrives as one input, so Monaco's auto-closing of brackets and quotes does not add characters.
    await page.keyboard.insertText(source);
    if ((await editorText(page)).includes(firstLine)) return;
  }
  throw new Error(`the editor did not take the new source (looking for: ${firstLine})`);
}

/** Unticks every built-in so only the editor's policy runs. */
export async function onlyEditorPolicy(page: Page): Promise<void> {
  for (const box of await page.getByRole('checkbox', { name: /^Built-in / }).all()) {
    if (await box.isChecked()) await box.uncheck();
  }
}

export function policySource(label: string, body: string): string {
  return [
    "import type { JobShopPolicy } from 'schedlab/jobshop';",
    '',
    'const policy: JobShopPolicy = {',
    `  id: 'e2e', label: '${label}', description: 'written by the end-to-end test',`,
    body,
    '};',
    'export default policy;',
    '',
  ].join('\n');
}
