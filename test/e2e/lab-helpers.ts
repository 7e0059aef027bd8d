import type { Page } from 'playwright-core';

/** Waits for Monaco (not the textarea fallback) and replaces the whole policy source. */
export async function replacePolicySource(page: Page, source: string): Promise<void> {
  const editor = page.locator('.monaco-editor').first();
  await editor.waitFor({ timeout: 60_000 });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText arrives as one input, so Monaco's auto-closing of brackets and quotes does not add characters.
  await page.keyboard.insertText(source);
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
